from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Delete the authenticator apps (TOTP devices) of a staff user, who then enrols a new "
        "one at the next sign-in. Use it when a phone is lost or replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Username of the staff account.")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("Unknown user: %(username)s") % {"username": username})

        deleted, _details = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(
            _("%(count)s authenticator device(s) deleted for %(username)s.")
            % {"count": deleted, "username": username}
        )
