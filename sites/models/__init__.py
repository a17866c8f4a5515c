from .imports import ImportRun
from .pages import BasePage, ContentPage, HomePage, LegalPage
from .settings import SiteBranding, SiteNavigation, SiteProfile

__all__ = [
    "BasePage",
    "ContentPage",
    "HomePage",
    "ImportRun",
    "LegalPage",
    "SiteBranding",
    "SiteNavigation",
    "SiteProfile",
]
