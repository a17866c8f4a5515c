"""Fixtures of the security tests: staff users and HTML helpers."""

import lxml.html
import pytest
from django.contrib.auth import get_user_model

STAFF_PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def make_user(db):
    """Create a user; staff=True gives the Wagtail admin access through a superuser flag."""

    def make(username, *, superuser=False, staff=False, password=STAFF_PASSWORD):
        user = get_user_model().objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            is_staff=staff or superuser,
            is_superuser=superuser,
        )
        return user

    return make


@pytest.fixture
def two_factor_required(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


def parse_html(response):
    return lxml.html.fromstring(response.content)
