from axes.backends import AxesStandaloneBackend


class RequestOnlyAxesBackend(AxesStandaloneBackend):
    """django-axes' backend, skipped when authenticate() is called without a request.

    Oscar signs a new customer in right after registration with authenticate() and no request,
    using the password that was just set; django-axes would raise there. Every login form
    (Wagtail's, Oscar's, the dashboard's) passes the request, so failed logins are all counted.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
