from .offers import FeedState, Offer, OfferPeriod, OfferQuerySet, OfferType
from .pages import OfferIndexPage

__all__ = ["FeedState", "Offer", "OfferIndexPage", "OfferPeriod", "OfferQuerySet", "OfferType"]
