from archives.access import AccessStatus

from .pages import ArchivesIndexPage
from .records import Component, FindingAid, Level

__all__ = ["AccessStatus", "ArchivesIndexPage", "Component", "FindingAid", "Level"]
