from .imports import ImportRun
from .pages import BasePage, ContentPage, HomePage, LegalPage
from .settings import AccessibilityStatus, SiteBranding, SiteNavigation, SiteProfile

__all__ = [
    "AccessibilityStatus",
    "BasePage",
    "ContentPage",
    "HomePage",
    "ImportRun",
    "LegalPage",
    "SiteBranding",
    "SiteNavigation",
    "SiteProfile",
]
