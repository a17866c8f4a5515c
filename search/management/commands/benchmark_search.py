"""Measure search at scale: index a synthetic catalogue and archives, then time faceted queries.

The records are shaped like the real ones: Joconde-like object titles, types, dates and museums,
and EAD-like component titles, reference codes and date ranges. They are built from fixed word
lists with a seeded random generator, so two runs index the same text. The command prints figures; it asserts
nothing. It writes to the configured database: run it on a scratch database, never production.
"""

import datetime
import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from search import engine, indexing
from search.database import DatabaseBackend, uses_wagtail_index
from search.models import SearchEntry
from search.query import SearchParameters, Sort, run_search

OBJECT_TYPES = ["figurine", "peinture", "estampe", "sculpture", "médaille", "arme", "uniforme", "dessin", "photographie", "objet d'art"]
MUSEUMS = ["Musée Antoine Vivenel", "Musée de la Figurine historique", "Cloître Saint-Corneille"]
SUBJECTS = ["grenadier", "cuirassier", "hussard", "dragon", "voltigeur", "chasseur", "lancier", "artilleur", "tambour", "officier", "cantinière", "sapeur"]
ARMIES = ["de la garde impériale", "du premier Empire", "de la Restauration", "du second Empire", "de la guerre de 1870", "de l'armée d'Afrique", "de la Grande Guerre"]
MATERIALS = ["plomb peint", "étain", "carton moulé", "bois sculpté", "huile sur toile", "gravure sur cuivre", "bronze", "terre cuite"]
ARCHIVE_SERIES = ["Registres paroissiaux", "Délibérations du conseil municipal", "Cadastre napoléonien", "Permis de construire", "Recensement de la population", "Correspondance du maire", "Presse locale", "Listes électorales"]
COMMUNES = ["Compiègne", "Margny-lès-Compiègne", "Venette", "Lacroix-Saint-Ouen", "Choisy-au-Bac", "Clairoix", "Jaux", "Armancourt"]
QUERY_WORDS = SUBJECTS + ["garde impériale", "Compiègne", "registres", "conseil municipal", "plomb", "l'armée", "empire", "cadastre", "hussards", "eglise"]


class Command(BaseCommand):
    help = (
        "Index a synthetic catalogue and finding-aid set shaped like the real records and print "
        "indexing throughput and the latency of typical faceted queries. Writes to the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--objects", type=int, default=200_000, help=_("Number of catalogue objects."))
        parser.add_argument("--components", type=int, default=100_000, help=_("Number of finding-aid components."))
        parser.add_argument("--queries", type=int, default=200, help=_("Number of timed queries."))
        parser.add_argument("--seed", type=int, default=1942, help=_("Seed of the random generator."))
        parser.add_argument(
            "--keep", action="store_true", help=_("Keep the synthetic entries instead of deleting them at the end.")
        )

    def handle(self, *args, objects, components, queries, seed, keep, **options):
        generator = random.Random(seed)
        SearchEntry.objects.filter(source_model__startswith="benchmark.").delete()

        started = time.perf_counter()
        rows = list(self.synthetic_entries(generator, objects, components))
        self.write_entries(rows)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            _("Stored and indexed %(count)d entries in %(seconds).1f s: %(rate).0f entries/s (%(engine)s).")
            % {"count": len(rows), "seconds": elapsed, "rate": len(rows) / elapsed, "engine": self.engine_name()}
        )

        if engine.is_configured():
            started = time.perf_counter()
            sent = indexing.push_pending(batch_size=2000)
            elapsed = time.perf_counter() - started
            self.stdout.write(
                _("Sent %(count)d entries to OpenSearch in %(seconds).1f s: %(rate).0f entries/s.")
                % {"count": sent, "seconds": elapsed, "rate": sent / max(elapsed, 0.001)}
            )
            engine.client().indices.refresh(index=engine.alias_name("fr"))

        self.time_queries(generator, queries)
        if not keep:
            self.remove_entries()

    def engine_name(self):
        from django.db import connection

        return "OpenSearch" if engine.is_configured() else f"database backend, {connection.vendor}"

    def synthetic_entries(self, generator, objects, components):
        for number in range(objects):
            subject = generator.choice(SUBJECTS)
            year = generator.randint(1650, 1950)
            yield SearchEntry(
                source_model="benchmark.object", source_pk=number, language="fr", site="musees", kind="object",
                title=f"{subject.capitalize()} {generator.choice(ARMIES)}",
                summary=f"{generator.choice(MATERIALS)}, vers {year}",
                body=f"Figurine représentant un {subject} {generator.choice(ARMIES)}. Inv. {number}.",
                path=f"/collections/objet/bench-{number}/", date=datetime.date(year, 1, 1), century=(year - 1) // 100 + 1,
                museum=generator.choice(MUSEUMS), commune="Compiègne", object_type=generator.choice(OBJECT_TYPES),
                has_images=generator.random() < 0.4, pending=engine.is_configured(),
            )
        for number in range(components):
            year = generator.randint(1790, 1990)
            series = generator.choice(ARCHIVE_SERIES)
            commune = generator.choice(COMMUNES)
            yield SearchEntry(
                source_model="benchmark.component", source_pk=number, language="fr", site="archives", kind="component",
                title=f"{series} de {commune} ({year}-{year + generator.randint(0, 20)})",
                summary=f"{generator.randint(1, 9)} E {number}",
                body=f"{series}. {commune}. Actes et pièces, {year}.",
                path=f"/inventaires/bench/c{number}/", date=datetime.date(year, 1, 1), century=(year - 1) // 100 + 1, commune=commune,
                object_type="Dossier", has_images=generator.random() < 0.2, pending=engine.is_configured(),
            )

    def write_entries(self, rows):
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            with transaction.atomic():
                SearchEntry.objects.bulk_create(chunk, batch_size=1000)
                if not engine.is_configured() and uses_wagtail_index():
                    stored = list(
                        SearchEntry.objects.filter(
                            source_model__startswith="benchmark.", id__gt=0
                        ).filter(pk__gt=getattr(self, "last_pk", 0)).order_by("pk")
                    )
                    indexing.index_in_database(stored)
                    if stored:
                        self.last_pk = stored[-1].pk
            self.stdout.write(f"  {start + len(chunk)} / {len(rows)}")

    def time_queries(self, generator, count):
        backend = engine.EngineBackend if engine.is_configured() else DatabaseBackend
        sites = ["musees", "memorial", "archives", "tourisme"]
        durations = []
        for _number in range(count):
            filters = {}
            if generator.random() < 0.5:
                filters["object_type"] = [generator.choice(OBJECT_TYPES)]
            if generator.random() < 0.3:
                filters["century"] = [generator.choice([17, 18, 19, 20])]
            if generator.random() < 0.2:
                filters["has_images"] = [True]
            parameters = SearchParameters(
                text=generator.choice(QUERY_WORDS),
                filters=filters,
                sort=generator.choice([Sort.RELEVANCE, Sort.RELEVANCE, Sort.NEWEST]),
                page=generator.choice([1, 1, 1, 2, 5]),
            )
            started = time.perf_counter()
            try:
                run_search(backend, parameters, generator.choice(["musees", "archives"]), "fr", sites)
            except engine.SearchUnavailable as error:
                raise CommandError(str(error)) from error
            durations.append((time.perf_counter() - started) * 1000)
        durations.sort()
        p50 = statistics.median(durations)
        p95 = durations[max(0, int(len(durations) * 0.95) - 1)]
        self.stdout.write(
            _("%(count)d faceted queries (%(engine)s): p50 %(p50).1f ms, p95 %(p95).1f ms, max %(max).1f ms.")
            % {"count": count, "engine": self.engine_name(), "p50": p50, "p95": p95, "max": durations[-1]}
        )

    def remove_entries(self):
        synthetic = SearchEntry.objects.filter(source_model__startswith="benchmark.")
        if engine.is_configured():
            synthetic.update(visible=False, pending=True)
            indexing.push_pending(batch_size=2000)
        else:
            from django.apps import apps
            from django.contrib.contenttypes.models import ContentType

            index_entry_model = apps.get_model("wagtailsearch", "IndexEntry")
            content_type = ContentType.objects.get_for_model(SearchEntry)
            pks = [str(pk) for pk in synthetic.values_list("pk", flat=True)]
            for start in range(0, len(pks), 5000):
                index_entry_model.objects.filter(
                    content_type=content_type, object_id__in=pks[start : start + 5000]
                ).delete()
        synthetic.delete()
