"""System checks that keep every page type on the platform's base class."""

from django.core.checks import Error, register
from wagtail.models import Page, get_page_models


@register()
def page_types_inherit_base_page(app_configs, **kwargs):
    from sites.models import BasePage

    errors = []
    own_labels = {"core", "museums", "archives", "memorial", "tourism", "shop", "sitesearch"}
    for model in get_page_models():
        if model is Page or model._meta.app_label not in own_labels:
            continue
        if not issubclass(model, BasePage):
            errors.append(
                Error(
                    f"{model.__name__} does not inherit from sites.models.BasePage.",
                    hint="Inherit from BasePage so the page gets its SEO and language fields.",
                    obj=model,
                    id="core.E001",
                )
            )
    return errors

