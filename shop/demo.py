"""Demo catalogue of the museums' shop, created through Oscar's own models.

Every object is keyed on a stable identifier (product UPC, product class slug, category code,
partner code, partner SKU), so a second run changes nothing. Prices are demo values, not the
museums' real prices, and each description states it.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.permissions import ensure_shop_staff_group
from sites.importing import CREATED, UNCHANGED, UPDATED, ImportReport, apply_records, changed_fields

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

CURRENCY = "EUR"
PARTNER_CODE = "musees-de-compiegne"
PARTNER_NAME = "Musées de Compiègne"
DEMO_PRICE_NOTE = "Article de démonstration : le prix affiché est fictif."

# Product classes keyed on slug: (name, track stock).
PRODUCT_CLASSES = {
    "livre": ("Livre", True),
    "figurine": ("Figurine", True),
    "dvd": ("DVD", True),
}

# Root categories keyed on code: (name, slug, description).
CATEGORIES = {
    "livres": (
        "Livres et catalogues",
        "livres-et-catalogues",
        "Guides de visite et catalogues consacrés aux collections des musées.",
    ),
    "films": (
        "Films",
        "films",
        "Documentaires sur la ville et ses musées.",
    ),
    "figurines": (
        "Figurines",
        "figurines",
        "Figurines en étain inspirées des collections du musée de la Figurine historique.",
    ),
}


@dataclass(frozen=True)
class DemoProduct:
    upc: str
    title: str
    product_class: str
    category: str
    price: Decimal
    num_in_stock: int
    description: str


PRODUCTS = [
    DemoProduct(
        upc="DEMO-LIVRE-001",
        title="Musée Antoine Vivenel : guide des collections",
        product_class="livre",
        category="livres",
        price=Decimal("15.00"),
        num_in_stock=40,
        description=(
            "Un parcours illustré salle par salle dans le musée fondé grâce au don d'Antoine "
            "Vivenel : vases grecs, archéologie régionale, peintures et objets d'art."
        ),
    ),
    DemoProduct(
        upc="DEMO-LIVRE-002",
        title="Le cloître Saint-Corneille, une abbaye royale",
        product_class="livre",
        category="livres",
        price=Decimal("12.00"),
        num_in_stock=25,
        description=(
            "L'histoire de l'abbaye Saint-Corneille, de sa fondation carolingienne à sa "
            "transformation en lieu d'exposition, racontée à partir des vestiges du cloître."
        ),
    ),
    DemoProduct(
        upc="DEMO-LIVRE-003",
        title="Soldats d'étain : la collection du musée de la Figurine historique",
        product_class="livre",
        category="livres",
        price=Decimal("24.00"),
        num_in_stock=15,
        description=(
            "Le catalogue des figurines exposées au musée : techniques de fonte et de peinture, "
            "grandes scènes historiques et collectionneurs qui ont donné leurs pièces."
        ),
    ),
    DemoProduct(
        upc="DEMO-DVD-001",
        title="Compiègne, une ville et ses musées",
        product_class="dvd",
        category="films",
        price=Decimal("18.00"),
        num_in_stock=30,
        description=(
            "Un documentaire qui suit les équipes des trois musées de la ville, des réserves "
            "aux salles d'exposition, pendant la préparation d'une saison."
        ),
    ),
    DemoProduct(
        upc="DEMO-FIG-001",
        title="Grenadier de la Garde impériale, figurine en étain",
        product_class="figurine",
        category="figurines",
        price=Decimal("35.00"),
        num_in_stock=10,
        description=(
            "Figurine en étain de 54 mm, peinte à la main, d'après un modèle présenté au musée "
            "de la Figurine historique. Objet de collection, ne convient pas aux jeunes enfants."
        ),
    ),
    DemoProduct(
        upc="DEMO-FIG-002",
        title="Cantinière du Premier Empire, figurine en étain",
        product_class="figurine",
        category="figurines",
        price=Decimal("32.00"),
        num_in_stock=8,
        description=(
            "Figurine en étain de 54 mm, peinte à la main : une cantinière avec son tonnelet, "
            "inspirée des scènes de bivouac du musée. Ne convient pas aux jeunes enfants."
        ),
    ),
]


def ensure_product_classes():
    """Create the product classes; return them keyed on slug."""
    classes = {}
    for slug, (name, track_stock) in PRODUCT_CLASSES.items():
        product_class, _created = ProductClass.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "track_stock": track_stock, "requires_shipping": True},
        )
        classes[slug] = product_class
    return classes


def ensure_categories():
    """Create the root categories; return them keyed on code."""
    categories = {}
    for code, (name, slug, description) in CATEGORIES.items():
        category = Category.objects.filter(code=code).first()
        if category is None:
            category = Category.add_root(
                code=code, name=name, slug=slug, description=description, is_public=True
            )
        categories[code] = category
    return categories


def ensure_partner():
    partner, _created = Partner.objects.get_or_create(
        code=PARTNER_CODE, defaults={"name": PARTNER_NAME}
    )
    return partner


def apply_product(spec, product_classes, categories, partner):
    """Create or update one product, its category link and its stock record.

    Returns CREATED, UPDATED or UNCHANGED for the report.
    """
    values = {
        "title": spec.title,
        "description": f"<p>{spec.description}</p><p>{DEMO_PRICE_NOTE}</p>",
        "product_class": product_classes[spec.product_class],
        "structure": Product.STANDALONE,
        "is_public": True,
    }
    product = Product.objects.filter(upc=spec.upc).first()
    if product is None:
        product = Product.objects.create(upc=spec.upc, **values)
        outcome = CREATED
    else:
        changed = changed_fields(product, values)
        if changed:
            product.save()
        outcome = UPDATED if changed else UNCHANGED

    category = categories[spec.category]
    _link, link_created = ProductCategory.objects.get_or_create(product=product, category=category)
    stale_links = ProductCategory.objects.filter(product=product).exclude(category=category)
    removed_links, _by_model = stale_links.delete()

    stock_values = {
        "product": product,
        "price_currency": CURRENCY,
        "price": spec.price,
        "num_in_stock": spec.num_in_stock,
    }
    stockrecord = StockRecord.objects.filter(partner=partner, partner_sku=spec.upc).first()
    if stockrecord is None:
        StockRecord.objects.create(partner=partner, partner_sku=spec.upc, **stock_values)
        stock_changed = True
    else:
        stock_changed = bool(changed_fields(stockrecord, stock_values))
        if stock_changed:
            stockrecord.save()

    if outcome == UNCHANGED and (link_created or removed_links or stock_changed):
        outcome = UPDATED
    return outcome


@transaction.atomic
def populate_catalogue():
    """Create or update the demo catalogue; return an ImportReport counting the products."""
    product_classes = ensure_product_classes()
    categories = ensure_categories()
    partner = ensure_partner()
    report = ImportReport(sources=["shop.demo"])
    apply_records(
        PRODUCTS,
        lambda spec: apply_product(spec, product_classes, categories, partner),
        report,
    )
    return report


def populate(stdout):
    """Demo hook of the ``load_demo`` command: fill the shop and print one summary line.

    Also creates the shop staff group, so that a staff user added to it can manage products in
    Oscar's dashboard.
    """
    ensure_shop_staff_group()
    report = populate_catalogue()
    stdout.write(_("Shop demo products: %(summary)s") % {"summary": report.summary()})
