"""Content-Security-Policy: the public policy everywhere, a wider one on the staff interfaces."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class PlatformCSPMiddleware(CSPMiddleware):
    """Apply settings.PLATFORM_CSP_STAFF_DIRECTIVES over the public policy on staff paths.

    The staff directives replace the public ones of the same name, so that "'unsafe-inline'"
    takes effect there: browsers ignore it in a directive that also lists a nonce.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.PLATFORM_CSP_STAFF_PATHS):
            parts.replace = {**settings.PLATFORM_CSP_STAFF_DIRECTIVES, **(parts.replace or {})}
        return parts
