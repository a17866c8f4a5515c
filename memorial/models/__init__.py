from .pages import ConvoyIndexPage, PublicFigureIndexPage
from .records import Convoy, ConvoyFigure, KeyFigure, PublicFigure

__all__ = [
    "Convoy",
    "ConvoyFigure",
    "ConvoyIndexPage",
    "KeyFigure",
    "PublicFigure",
    "PublicFigureIndexPage",
]
