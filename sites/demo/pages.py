"""Idempotent page helpers used by the demo command and by test fixtures.

Each helper finds what a previous run created, keyed on the slug under the parent, and changes
nothing when the wanted state is already there, so that running the demo twice creates no new
page and no new revision.
"""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)


def ensure_locales():
    """Create a Wagtail Locale for every language of the platform; return them by code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES
    }


def _without_ids(value):
    """Return StreamField raw data without the block ids, which differ on every save."""
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def stream_differs(stream_value, wanted):
    """Tell whether a StreamField value differs from ``wanted`` raw data, block ids aside."""
    block = stream_value.stream_block
    normalised_wanted = block.get_prep_value(block.to_python(wanted))
    normalised_current = block.get_prep_value(stream_value)
    return _without_ids(normalised_current) != _without_ids(normalised_wanted)


def _field_differs(page, name, value):
    current = getattr(page, name)
    if hasattr(current, "stream_block"):
        return stream_differs(current, value)
    return current != value


@transaction.atomic
def ensure_child_page(parent, page_class, slug, **fields):
    """Return the live child of ``parent`` with ``slug``, created or updated to hold ``fields``.

    A new revision is published only when a field differs from the live page.
    """
    # child_of() filters on the tree path, where get_children() trusts a parent's child
    # counter, which is stale on a copy loaded before its children were added.
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is None:
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    page = existing.specific
    if not isinstance(page, page_class):
        raise TypeError(
            f"The page {page.url_path} is a {type(page).__name__}, expected {page_class.__name__}."
        )
    changed = [name for name, value in fields.items() if _field_differs(page, name, value)]
    if changed or not page.live:
        for name in changed:
            setattr(page, name, fields[name])
        page.save_revision().publish()
    return page


def ensure_translation(page, language_code, strings=None):
    """Translate ``page`` into ``language_code`` with wagtail-localize; return the translation.

    ``strings`` maps French source strings (titles, intros, paragraphs) to their translation.
    Strings missing from it stay in French, so that the page still renders; editors finish them
    in wagtail-localize's editor. Nothing is saved when the translation is already up to date.
    """
    from wagtail_localize.models import Translation, TranslationSource

    strings = strings or {}
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)

    with transaction.atomic():
        source, source_changed = TranslationSource.update_or_create_from_instance(page)
        translation, translation_created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po_file = translation.export_po()
        strings_changed = False
        for entry in po_file:
            wanted = strings.get(entry.msgid, "")
            if wanted and entry.msgstr != wanted:
                entry.msgstr = wanted
                strings_changed = True
        if strings_changed:
            translation.import_po(po_file)

        if existing is None or source_changed or translation_created or strings_changed:
            # wagtail-localize publishes a translation in an on_commit callback that keeps the
            # page instance of that moment. Inside an outer transaction, that stale instance
            # later overwrites the child counter of a parent that gained children meanwhile, so
            # a draft is saved and published here from a freshly loaded revision.
            translation.save_target(publish=False)
            page.get_translation(locale).get_latest_revision().publish()
            logger.info("Translated page %s into %s", page.pk, language_code)
    return page.get_translation(locale)


def french_home_page(site_key):
    """Return the French home page of a platform site, or raise Page.DoesNotExist."""
    from sites.models import SiteProfile

    profile = SiteProfile.objects.select_related("site").get(key=site_key)
    return profile.site.root_page.specific

