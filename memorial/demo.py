"""Demo content of the memorial site: the convoy and public figure pages, and the real data."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from memorial.importers import IMPORT_ORDER, import_file
from memorial.models import ConvoyIndexPage, PublicFigureIndexPage
from sites.demo.pages import ensure_child_page, ensure_translation, french_home_page
from sites.importing import record_run

DATA_DIR = settings.BASE_DIR / "data" / "memorial"
DATA_FILES = {
    "convoys": "convois_royallieu_1942-1944.csv",
    "public-figures": "personnalites_royallieu.csv",
    "key-figures": "chiffres_cles_royallieu.csv",
}

CONVOYS_TITLE = "Les convois de déportation partis de Compiègne"
CONVOYS_INTRO = (
    "De mars 1942 à août 1944, des trains de déportation sont partis de Compiègne, où le camp "
    "de Royallieu (Frontstalag 122) servait de camp d'internement et de transit. Ils ont emmené "
    "les déportés vers Auschwitz, Buchenwald, Dachau, Mauthausen, Neuengamme, Ravensbrück et "
    "Sachsenhausen. Chaque convoi a sa page, avec les chiffres que donnent les sources, ce que "
    "chacun compte et d'où il vient."
)
CONVOYS_FIGURES_NOTE = (
    "La plupart des effectifs reprennent le Livre-Mémorial de la Fondation pour la Mémoire de "
    "la Déportation (FMD), qui recense les déportés identifiés par leur nom, tel que le citent "
    "les pages données en source. D'autres chiffres comptent les personnes immatriculées à "
    "l'arrivée, estimées au départ ou citées par des rescapés. Ces chiffres ne mesurent pas la "
    "même chose et les sources divergent parfois : pour chaque convoi, le tableau donne le "
    "chiffre principal avec ce qu'il compte, puis les autres chiffres publiés. La référence "
    "reste le Livre-Mémorial (bddm.org)."
)
PEOPLE_TITLE = "Personnalités internées à Royallieu"
PEOPLE_INTRO = (
    "Des écrivains, des résistantes et des résistants, des responsables politiques et "
    "syndicaux, un évêque ont été internés au camp de Royallieu ; la plupart ont ensuite été "
    "déportés. Ces notices brèves reprennent les faits donnés par les sources citées et "
    "renvoient, quand il y en a un, au convoi de chaque personne."
)

TRANSLATIONS = {
    "convoys": {
        "en": {
            CONVOYS_TITLE: "Deportation convoys from Compiègne",
            CONVOYS_INTRO: (
                "From March 1942 to August 1944, deportation trains left Compiègne, where the "
                "Royallieu camp (Frontstalag 122) served as an internment and transit camp. They "
                "took the deportees to Auschwitz, Buchenwald, Dachau, Mauthausen, Neuengamme, "
                "Ravensbrück and Sachsenhausen. Each convoy has its own page, with the figures "
                "the sources give, what each one counts and where it comes from."
            ),
            CONVOYS_FIGURES_NOTE: (
                "Most counts follow the Livre-Mémorial of the Fondation pour la Mémoire de la "
                "Déportation (FMD), which lists the deportees identified by name, as quoted by "
                "the pages given as sources. Other figures count the people registered at "
                "arrival, estimated at departure or reported by survivors. These figures do not "
                "measure the same thing and the sources sometimes disagree: for each convoy the "
                "table gives the main figure with what it counts, then the other published "
                "figures. The reference remains the Livre-Mémorial (bddm.org)."
            ),
        },
        "de": {
            CONVOYS_TITLE: "Die Deportationstransporte aus Compiègne",
            CONVOYS_INTRO: (
                "Von März 1942 bis August 1944 fuhren Deportationszüge von Compiègne ab, wo das "
                "Lager Royallieu (Frontstalag 122) als Internierungs- und Durchgangslager "
                "diente. Sie brachten die Deportierten nach Auschwitz, Buchenwald, Dachau, "
                "Mauthausen, Neuengamme, Ravensbrück und Sachsenhausen. Jeder Transport hat "
                "eine eigene Seite mit den Zahlen der Quellen, mit dem, was sie jeweils zählen, "
                "und mit ihrer Herkunft."
            ),
            CONVOYS_FIGURES_NOTE: (
                "Die meisten Zahlen folgen dem Livre-Mémorial der Fondation pour la Mémoire de "
                "la Déportation (FMD), das die namentlich erfassten Deportierten verzeichnet, "
                "so wie es die als Quelle angegebenen Seiten zitieren. Andere Zahlen erfassen "
                "die bei der Ankunft registrierten, die bei der Abfahrt geschätzten oder die "
                "von Überlebenden genannten Personen. Diese Zahlen messen nicht dasselbe, und "
                "die Quellen weichen teilweise voneinander ab: Die Tabelle nennt für jeden "
                "Transport die Hauptzahl mit dem, was sie zählt, und danach die anderen "
                "veröffentlichten Zahlen. Maßgeblich bleibt das Livre-Mémorial (bddm.org)."
            ),
        },
    },
    "people": {
        "en": {
            PEOPLE_TITLE: "Well-known people interned at Royallieu",
            PEOPLE_INTRO: (
                "Writers, members of the Resistance, political and trade-union figures and a "
                "bishop were interned at the Royallieu camp; most of them were then deported. "
                "These short entries give the facts stated by the sources cited and link, where "
                "there is one, to each person's convoy."
            ),
        },
        "de": {
            PEOPLE_TITLE: "Bekannte Persönlichkeiten im Lager Royallieu",
            PEOPLE_INTRO: (
                "Schriftsteller, Widerstandskämpferinnen und Widerstandskämpfer, Politiker, "
                "Gewerkschafter und ein Bischof waren im Lager Royallieu interniert; die meisten "
                "von ihnen wurden anschließend deportiert. Diese kurzen Einträge geben die "
                "Fakten der genannten Quellen wieder und verweisen, wo es einen gibt, auf den "
                "Transport der jeweiligen Person."
            ),
        },
    },
}


def populate(stdout):
    """Create the memorial's convoy and public figure pages with their translations, then
    import the three shipped CSV files, printing one summary line per file."""
    home = french_home_page("memorial")
    convoys_page = ensure_child_page(
        home,
        ConvoyIndexPage,
        slug="convois",
        title=CONVOYS_TITLE,
        intro=CONVOYS_INTRO,
        figures_note=CONVOYS_FIGURES_NOTE,
        show_in_menus=True,
    )
    people_page = ensure_child_page(
        home,
        PublicFigureIndexPage,
        slug="personnalites",
        title=PEOPLE_TITLE,
        intro=PEOPLE_INTRO,
        show_in_menus=True,
    )

    languages = [code for code in settings.PLATFORM_SITES["memorial"]["languages"] if code != "fr"]
    for page, strings in ((convoys_page, TRANSLATIONS["convoys"]), (people_page, TRANSLATIONS["people"])):
        for language in languages:
            ensure_translation(page, language, strings.get(language, {}))

    for kind in IMPORT_ORDER:
        path = DATA_DIR / DATA_FILES[kind]
        started_at = timezone.now()
        report = import_file(kind, path)
        record_run(f"memorial-{kind}", report, started_at)
        for line in report.rejection_lines():
            stdout.write(line)
        stdout.write(
            _("Memorial, %(file)s: %(summary)s") % {"file": path.name, "summary": report.summary()}
        )
