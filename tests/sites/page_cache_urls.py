"""The platform's URLs plus two views that make a response personal, for the page cache tests."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from sites.urls import handler404, handler500, urlpatterns as platform_urlpatterns  # noqa: F401


def form_with_csrf_token(request):
    token = get_token(request)
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{token}"></form>')


def page_with_private_cache_control(request):
    response = HttpResponse("private")
    response["Cache-Control"] = "private"
    return response


urlpatterns = [
    path("test-form/", form_with_csrf_token),
    path("test-private/", page_with_private_cache_control),
    *platform_urlpatterns,
]
