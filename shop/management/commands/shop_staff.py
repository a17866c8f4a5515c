"""Give an existing user access to the shop's dashboard, or take it away."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from shop.permissions import ensure_shop_staff_group


class Command(BaseCommand):
    help = _(
        "Give a user access to the shop dashboard (staff status and the shop staff group), "
        "or take it away with --remove."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help=_("Email address of an existing user account."))
        parser.add_argument(
            "--remove", action="store_true", help=_("Take the access away instead of giving it.")
        )

    @transaction.atomic
    def handle(self, *args, email, remove=False, **options):
        users = list(get_user_model().objects.filter(email__iexact=email)[:2])
        if not users:
            raise CommandError(
                _(
                    "No user account has the email address %(email)s: create the account in the "
                    "administration (Settings › Users) first."
                )
                % {"email": email}
            )
        if len(users) > 1:
            raise CommandError(
                _(
                    "Several user accounts have the email address %(email)s: give each account "
                    "its own address first."
                )
                % {"email": email}
            )

        user = users[0]
        group = ensure_shop_staff_group()
        if remove:
            user.groups.remove(group)
            # Superusers keep their staff status: they administer more than the shop.
            if not user.is_superuser:
                user.is_staff = False
            message = _("%(email)s no longer has access to the shop dashboard.")
        else:
            user.groups.add(group)
            user.is_staff = True
            message = _("%(email)s now has access to the shop dashboard.")
        user.save(update_fields=["is_staff"])
        self.stdout.write(message % {"email": user.email})
