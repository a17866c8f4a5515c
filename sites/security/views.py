"""Pages where staff enrol an authenticator app and enter its codes."""

import logging

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token

from sites.security.forms import TokenForm
from sites.security.two_factor import (
    has_confirmed_device,
    pending_device,
    qr_code_data_uri,
    safe_next_url,
    secret_for_manual_entry,
)

logger = logging.getLogger(__name__)


def _complete_verification(request, device):
    # A new session key after the second factor, as after the password, so that a key known
    # before verification does not carry the verified session.
    request.session.cycle_key()
    otp_login(request, device)


def _with_next(url, request):
    return f"{url}?{urlencode({'next': safe_next_url(request)})}"


@never_cache
@login_required(login_url="/admin/login/")
def setup(request):
    """Show a new TOTP secret as a QR code and confirm it with a first code."""
    if has_confirmed_device(request.user):
        return redirect(_with_next(reverse("two_factor_verify"), request))

    device = pending_device(request.user)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _complete_verification(request, device)
            logger.info("User %s enrolled a TOTP device", request.user.pk)
            return redirect(safe_next_url(request))
        form.add_error("token", _("This code is not valid. Check the time of your phone and try again."))

    return render(
        request,
        "security/two_factor_setup.html",
        {
            "form": form,
            "qr_code": qr_code_data_uri(device),
            "secret": secret_for_manual_entry(device),
            "next": safe_next_url(request),
        },
    )


@never_cache
@login_required(login_url="/admin/login/")
def verify(request):
    """Ask for the current code of the staff member's enrolled device."""
    if not has_confirmed_device(request.user):
        return redirect(_with_next(reverse("two_factor_setup"), request))

    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            _complete_verification(request, device)
            return redirect(safe_next_url(request))
        logger.warning("User %s entered an invalid TOTP code", request.user.pk)
        form.add_error(
            "token",
            _("This code is not valid. After several wrong codes, wait a little before trying again."),
        )

    return render(
        request, "security/two_factor_verify.html", {"form": form, "next": safe_next_url(request)}
    )
