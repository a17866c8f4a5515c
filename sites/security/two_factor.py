"""Two-factor authentication (TOTP) required of staff on the Wagtail admin and Oscar's dashboard.

A staff user who signed in with a password but has not entered a code in this session is sent
to enter one, or to enrol an authenticator app when they have none, before any staff view.
"""

import base64
import io

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

# Staff paths that stay reachable without a code: signing in and out, and the 2FA pages.
EXEMPT_PATHS = (
    "/admin/2fa/",
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/boutique/dashboard/login/",
    "/boutique/dashboard/logout/",
)

DEVICE_NAME = "authenticator"


def is_staff_user(user):
    """Whether the user can reach a staff interface, and so needs a second factor."""
    return user.is_active and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def has_confirmed_device(user):
    return any(devices_for_user(user, confirmed=True))


def pending_device(user):
    """Return the user's unconfirmed TOTP device, created with a new secret when missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_code_data_uri(device):
    """Return the device's otpauth:// address as an SVG QR code in a data: URI."""
    buffer = io.BytesIO()
    write_qrcode_image(device.config_url, buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def secret_for_manual_entry(device):
    """Return the device's secret in base32, grouped by four, for apps that cannot scan."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def safe_next_url(request, default="/admin/"):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default


class StaffTwoFactorMiddleware:
    """Redirect a staff user without a code in this session away from the staff paths.

    Runs after django_otp's OTPMiddleware, which sets request.user.is_verified().
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._requires_code(request):
            view_name = "two_factor_verify" if has_confirmed_device(request.user) else (
                "two_factor_setup"
            )
            return redirect(
                f"{reverse(view_name)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)

    def _requires_code(self, request):
        path = request.path_info
        if not settings.STAFF_TWO_FACTOR_REQUIRED:
            return False
        if not path.startswith(settings.STAFF_TWO_FACTOR_PATHS) or path.startswith(EXEMPT_PATHS):
            return False
        user = request.user
        return user.is_authenticated and not user.is_verified() and is_staff_user(user)
