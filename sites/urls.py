from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from sites import views

handler404 = "sites.views.page_not_found"
handler500 = "sites.views.server_error"

urlpatterns = [
    # Staff two-factor pages, before Wagtail's admin so that its catch-all does not take them.
    path("admin/2fa/", include("sites.security.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap_xml"),
    # The shop is in French only and is served on the museums' host only (see the middleware).
    path("boutique/", include(apps.get_app_config("oscar").urls[0])),
]

if getattr(settings, "SERVE_MEDIA", False):
    # Local demo only: production serves media from the reverse proxy or object storage.
    from django.views.static import serve as serve_file

    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT}
        ),
    ]

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", views.serve_page, name="wagtail_serve_root"),
    re_path(r"^((?:[\w\-]+/)*)$", views.serve_page, name="wagtail_serve"),
    prefix_default_language=False,
)
