"""Protection of the public POST forms: per-address rate limits and a registration spam guard.

The public forms that accept POST are all in Oscar's shop under /boutique/ (sign-in,
registration, password reset, basket, vouchers); the site search uses GET. The limits live
in settings.PUBLIC_FORM_RATE_LIMITS and count in the default cache, which production shares
between workers (Redis).
"""

import logging

from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.utils import timezone
from django_ratelimit.core import is_ratelimited

from sites.security.client_ip import client_ip_address

logger = logging.getLogger(__name__)

FORM_STARTED_SALT = "sites.security.registration-started"


def rate_limit_key(group, request):
    return client_ip_address(request)


def matching_rate(path):
    """Return (prefix, rate) of the first rate limit whose prefix starts the path, or None."""
    for prefix, rate in settings.PUBLIC_FORM_RATE_LIMITS:
        if path.startswith(prefix):
            return prefix, rate
    return None


class PublicFormGuardMiddleware:
    """Answer 429 to a POST to a public form once its address exceeds the form's rate.

    Staff paths are left to django-axes and the 2FA checks, which limit sign-in attempts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path_info.startswith(
            settings.STAFF_TWO_FACTOR_PATHS
        ):
            limit = matching_rate(request.path_info)
            if limit is not None and self._is_limited(request, *limit):
                return render(request, "security/rate_limited.html", status=429)
        return self.get_response(request)

    def _is_limited(self, request, prefix, rate):
        limited = is_ratelimited(
            request,
            group=f"public-form:{prefix}",
            key=rate_limit_key,
            rate=rate,
            method="POST",
            increment=True,
        )
        if limited:
            logger.warning(
                "Rate limit %s reached on %s by %s", rate, prefix, client_ip_address(request)
            )
        return limited


def sign_form_start():
    """Return a signed token of the time the form was served."""
    return signing.dumps(timezone.now().timestamp(), salt=FORM_STARTED_SALT)


def seconds_since_form_start(token):
    """Return the seconds since the signed time, or None when the token is missing or forged."""
    try:
        started = signing.loads(token, salt=FORM_STARTED_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return None
    return timezone.now().timestamp() - float(started)
