"""Spam guard of the shop's registration form: a honeypot field and a minimum filling time."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class

from sites.security.public_forms import seconds_since_form_start, sign_form_start

EmailUserCreationForm = get_class("customer.forms", "EmailUserCreationForm")

HONEYPOT_FIELD = "website"


class GuardedRegistrationForm(EmailUserCreationForm):
    """Oscar's registration form, rejecting submissions that robots typically make.

    Robots fill every field, including one hidden from people by CSS (shop.css hides the
    "website" field's group), and post within a second of loading the page.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "class": "form-trap"}
        ),
    )
    form_started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_started"].initial = sign_form_start()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("Your registration could not be accepted. Please try again."), code="honeypot"
            )

        elapsed = seconds_since_form_start(self.data.get(self.add_prefix("form_started"), ""))
        if elapsed is None or elapsed < settings.REGISTRATION_MIN_SECONDS:
            raise forms.ValidationError(
                _("The form was sent too quickly. Please wait a few seconds and send it again."),
                code="too_fast",
            )
        return cleaned_data


def install_registration_guard():
    """Make Oscar's two registration views use GuardedRegistrationForm.

    Oscar's customer app is not forked here (a fork copies its models and migrations), so the
    form classes of its views are replaced when the apps are ready.
    """
    from oscar.apps.customer import views

    views.AccountAuthView.registration_form_class = GuardedRegistrationForm
    views.AccountRegistrationView.form_class = GuardedRegistrationForm
