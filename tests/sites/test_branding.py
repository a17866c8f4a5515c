import pytest
from django.core.exceptions import ValidationError

from sites.models import SiteBranding
from sites.models.settings import contrast_ratio


def test_contrast_ratio_black_white():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0


@pytest.mark.django_db
def test_branding_rejects_low_contrast(platform_sites):
    branding = SiteBranding.for_site(platform_sites["musees"].site)
    branding.primary_colour = "#ffcc00"
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "primary_colour" in error.value.message_dict


@pytest.mark.django_db
def test_branding_rejects_malformed_colour(platform_sites):
    branding = SiteBranding.for_site(platform_sites["musees"].site)
    branding.accent_colour = "red"
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "accent_colour" in error.value.message_dict
