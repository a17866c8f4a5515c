"""Print the throughput and peak memory of each importer, on the real files and on a scale set.

    DATABASE_URL=postgres://... .venv/bin/python bench/imports.py [--scale 0.02] [--real-only]

The database must be migrated (a demo database is fine: the scale records get their own
identifiers, the real files update what the demo imported). Each import runs the importer's
management command in its own Python process, so that the peak resident memory it reports
(ru_maxrss of that process) belongs to that import alone. It includes the interpreter and Django,
about 100 MB, which is printed on its own as the "baseline" line.

The scale set is generated in the real formats into a temporary folder: Joconde text records
(150,000 at --scale 1), an EAD finding aid with flat components (100,000 at --scale 1) and a
Tourinsoft JSON feed (5,000 offers at --scale 1), by repeating real records with new identifiers.
"""

import argparse
import copy
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FULL_SCALE = {"joconde": 150_000, "ead": 100_000, "tourinsoft": 5_000}


def run_child(arguments):
    """Run one management command in this process and print its duration and peak memory."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    if arguments:
        with open(os.devnull, "w") as devnull:
            call_command(*arguments, stdout=devnull, stderr=devnull)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {"seconds": seconds, "peak_mb": peak_kib / 1024}
    if arguments:
        from sites.models import ImportRun

        run = ImportRun.objects.order_by("-pk").first()
        result["records"] = run.created + run.updated + run.unchanged + run.rejected_count
        result["outcome"] = (
            f"{run.created} created, {run.updated} updated, {run.unchanged} unchanged, "
            f"{run.rejected_count} rejected"
        )
    print(json.dumps(result))


def measure(arguments):
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *arguments]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if completed.returncode != 0:
        return {"error": (completed.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(completed.stdout.strip().splitlines()[-1])


# Scale set generators ---------------------------------------------------------------------------


# Part of every generated identifier, so that each benchmark run creates its records rather than
# finding them unchanged.
RUN_TAG = time.strftime("%H%M%S")


def write_joconde(path, count):
    """Write ``count`` Joconde records, repeating the real sample with new REF values."""
    text = (DATA / "collections/joconde/pop_import_joconde_utf8.txt").read_text(encoding="utf-8")
    records = [record.strip() for record in text.split("\n//") if record.strip()]
    with path.open("w", encoding="utf-8") as output:
        for number in range(count):
            record = records[number % len(records)]
            record = re.sub(r"^REF\n[^\n]+", f"REF\nB{RUN_TAG}{number:07d}", record, count=1)
            output.write(record + "\n//\n")


SERIES_SIZE = 1000


def write_ead(path, count):
    """Write one EAD finding aid with ``count`` file-level components in series of 1,000."""
    text = (DATA / "archives/ead/FRAN_IR_054848.xml").read_text(encoding="utf-8")
    text = re.sub(r"<eadid>[^<]*</eadid>", f"<eadid>FRAN_IR_BENCH{RUN_TAG}</eadid>", text)
    head, rest = text.split("<dsc>", 1)
    tail = rest.split("</dsc>", 1)[1]
    with path.open("w", encoding="utf-8") as output:
        output.write(head + "<dsc>\n")
        for number in range(count):
            # The importer accepts at most 99,999 children per parent (the tree's path steps),
            # so the files are grouped in series of 1,000, as real finding aids group them.
            if number % SERIES_SIZE == 0:
                series = number // SERIES_SIZE
                if series:
                    output.write("</c>\n")
                output.write(
                    f'<c id="bench-series-{series}" level="series">'
                    f"<did><unittitle>Série {series}</unittitle></did>\n"
                )
            year = 1900 + number % 100
            output.write(
                f'<c id="bench-{number}" level="file"><did>'
                f'<unitid type="cote-de-consultation">BENCH/{number}</unitid>'
                f"<unittitle>Dossier de test {number}</unittitle>"
                f'<unitdate normal="{year}-01-01/{year}-12-31">{year}</unitdate>'
                f"</did><scopecontent><p>Composant {number} du jeu d'essai.</p></scopecontent>"
                "</c>\n"
            )
        output.write("</c>\n</dsc>" + tail)


def write_tourinsoft(path, count):
    """Write a Tourinsoft feed of ``count`` offers, repeating the real hotel sample."""
    source = DATA / "tourinsoft/hotels-sample-v3-json-cdt28-geotrek-fixture.json"
    document = json.loads(source.read_text(encoding="utf-8"))
    samples = document["value"]
    offers = []
    for number in range(count):
        offer = copy.deepcopy(samples[number % len(samples)])
        offer["SyndicObjectID"] = f"HOTB{RUN_TAG}{number:06d}"
        offers.append(offer)
    document["value"] = offers
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


# Runs -------------------------------------------------------------------------------------------


def sources(command):
    """Return the files a command reads: its arguments that are existing paths, folders expanded."""
    files = []
    for argument in command:
        path = Path(argument)
        if path.is_dir():
            files.extend(child for child in path.iterdir() if child.is_file())
        elif path.is_file():
            files.append(path)
    return files


def real_runs():
    lido_files = sorted(str(path) for path in (DATA / "collections/lido").glob("*.xml"))
    return [
        ("Joconde (real)", ["import_joconde", str(DATA / "collections/joconde/pop_import_joconde_utf8.txt")]),
        ("LIDO (real)", ["import_lido", *lido_files]),
        ("EAD (real)", ["import_ead", str(DATA / "archives/ead")]),
        ("Memorial convoys (real)", ["import_memorial", "--kind", "convoys", str(DATA / "memorial/convois_royallieu_1942-1944.csv")]),
        ("Tourinsoft (real)", ["import_tourinsoft", "--feed", "bench-real", "--partial", str(DATA / "tourinsoft/hotels-sample-v3-json-cdt28-geotrek-fixture.json")]),
    ]


def scale_runs(folder, scale, kinds):
    """Generate the scale files of ``kinds`` and yield (kind, label, command, file) for each."""
    counts = {kind: max(1, round(total * scale)) for kind, total in FULL_SCALE.items()}
    joconde = folder / "joconde-scale.txt"
    ead = folder / "ead-scale.xml"
    tourinsoft = folder / "tourinsoft-scale.json"
    writers = {"joconde": (write_joconde, joconde), "ead": (write_ead, ead)}
    writers["tourinsoft"] = (write_tourinsoft, tourinsoft)
    for kind in kinds:
        write, path = writers[kind]
        write(path, counts[kind])
    runs = [
        ("joconde", "Joconde (scale)", ["import_joconde", str(joconde)], joconde),
        ("ead", f"EAD (scale: {counts['ead']} c)", ["import_ead", str(ead)], ead),
        (
            "tourinsoft",
            "Tourinsoft (scale)",
            ["import_tourinsoft", "--feed", "bench-scale", "--partial", str(tourinsoft)],
            tourinsoft,
        ),
    ]
    return [run for run in runs if run[0] in kinds]


def print_row(label, size, result):
    if "error" in result:
        print(f"{label:<26} {'-':>9} {size:>9}  failed: {result['error']}")
        return
    records = result.get("records", 0)
    rate = f"{records / result['seconds']:.0f}" if records else "-"
    print(
        f"{label:<26} {records or '-':>9} {size:>9} {result['seconds']:>9.1f} {rate:>10} "
        f"{result['peak_mb']:>9.0f}  {result.get('outcome', '')}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parser.add_argument(
        "--scale",
        type=float,
        default=0.02,
        help="Fraction of the full scale set (150,000 objects, 100,000 components, 5,000 offers) "
        "to generate and import (default 0.02).",
    )
    parser.add_argument("--real-only", action="store_true", help="Import the real files only.")
    parser.add_argument("--skip-real", action="store_true", help="Import the scale set only.")
    parser.add_argument(
        "--kinds",
        default="joconde,ead,tourinsoft",
        help="Comma-separated scale sets to generate (default: joconde,ead,tourinsoft).",
    )
    arguments = parser.parse_args()
    if arguments.child is not None:
        run_child(arguments.child)
        return

    print(f"{'import':<26} {'records':>9} {'file MB':>9} {'seconds':>9} {'records/s':>10} {'peak MB':>9}")
    print_row("baseline (Django only)", "-", measure([]))
    if not arguments.skip_real:
        for label, command in real_runs():
            size = sum(path.stat().st_size for path in sources(command)) / 1_048_576
            print_row(label, f"{size:.1f}", measure(command))
    if arguments.real_only:
        return
    with tempfile.TemporaryDirectory(prefix="platform-bench-imports-") as folder:
        kinds = set(arguments.kinds.split(","))
        for kind, label, command, path in scale_runs(Path(folder), arguments.scale, kinds):
            print_row(label, f"{path.stat().st_size / 1_048_576:.1f}", measure(command))


if __name__ == "__main__":
    main()
