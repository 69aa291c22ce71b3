"""Time the directory's list, filter and detail pages on a large synthetic directory.

    .venv/bin/python benchmarks/directory/pages.py --local-governments 20000 --people 100000

Uses SQLite in var/bench/directory-pages.sqlite3 unless DATABASE_URL names
another database (e.g. postgres://postgres@127.0.0.1:5432/peerlearn_bench,
created beforehand with `createdb`). The database is migrated, the demo data
loaded, and the synthetic directory regenerated at the requested size (the
generation is timed) unless --reuse finds it already there.

Each page is requested through Django's test client, once to warm up and count
its SQL queries, then --repeat times; the table gives the median and the 95th
percentile in milliseconds, and each median as a multiple of a baseline
measured in the same run: the sign-in page, a template with no SQL at all, so
that the ratios stay comparable on a busy machine. Nothing is asserted."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parents[2]
BENCH_DIR = PROJECT_DIR / "var" / "bench"


def configure_environment() -> str:
    """Settings come from the environment: point them at the benchmark database
    and let the test client speak plain HTTP to `testserver`."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'directory-pages.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerlearn.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"):
        os.environ[name] = "0"
    sys.path.insert(0, str(PROJECT_DIR))
    return os.environ["DATABASE_URL"]


@dataclass(frozen=True)
class Page:
    name: str
    address: str
    viewer: str
    repeat: int


@dataclass
class Timing:
    page: Page
    queries: int
    median_ms: float
    p95_ms: float
    size_kb: float


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def timed_get(client: Any, address: str) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.get(address)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{address} answered {response.status_code}")
    return elapsed * 1000, len(body)


def measure(client: Any, page: Page) -> Timing:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        _warm, size = timed_get(client, page.address)
    # Read now: the next request empties the log the count is taken from.
    query_count = len(queries)
    times = [timed_get(client, page.address)[0] for _ in range(page.repeat)]
    median, p95 = statistics.median(times), percentile(times, 0.95)
    return Timing(page, query_count, median, p95, size / 1024)


def generate(local_governments: int, people: int, seed: int, reuse: bool) -> str:
    from peerlearn.directory import synthetic

    if reuse:
        present = (
            synthetic.synthetic_local_governments().count(),
            synthetic.synthetic_people().count(),
        )
        if present == (local_governments, people):
            return f"reused {local_governments:,} local governments and {people:,} people"
    result = synthetic.generate(
        local_governments=local_governments,
        people=people,
        seed=seed,
        replace=True,
        progress=sys.stderr,
    )
    return (
        f"removed the previous synthetic rows ({result.removed:,}) in "
        f"{result.removal_seconds:.1f} s, then generated {result.local_governments:,} local "
        f"governments, {result.memberships:,} memberships, {result.people:,} people and "
        f"{result.expertise:,} expertise entries: {result.rows:,} rows in "
        f"{result.seconds:.1f} s ({result.rows_per_second:,.0f} rows/s)"
    )


def pages(repeat: int, csv_repeat: int) -> list[Page]:
    """The directory's pages, asked about its busiest country, topic, language
    and association so that no filter comes back empty."""
    from django.db.models import Count
    from django.urls import reverse

    from peerlearn.directory import synthetic
    from peerlearn.directory.models import Association, Language, Topic

    lgs = synthetic.synthetic_local_governments()
    country = lgs.values("country").annotate(n=Count("id")).order_by("-n")[0]["country"]
    topic = (
        Topic.objects.filter(parent__isnull=False)
        .annotate(n=Count("expertise"))
        .order_by("-n")
        .select_related("parent")[0]
    )
    area = topic.parent
    assert area is not None
    language = Language.objects.annotate(n=Count("people")).order_by("-n")[0]
    association = Association.objects.annotate(n=Count("members")).order_by("-n")[0]
    lg = lgs.annotate(n=Count("people")).order_by("-n")[0]
    person = synthetic.synthetic_people().filter(is_public=True).order_by("pk")[0]
    name = lg.name[:4]

    lg_list = reverse("directory:local_governments")
    experts = reverse("directory:experts")
    rows: list[tuple[str, str]] = [
        ("home", reverse("home")),
        ("LG list", lg_list),
        ("LG list, page 2", f"{lg_list}?page=2"),
        ("LG list, last page", f"{lg_list}?page=last"),
        (f"LG by country ({country})", f"{lg_list}?country={country}"),
        ("LG by kind (city)", f"{lg_list}?kind=city"),
        (f"LG by association ({association.acronym})", f"{lg_list}?association={association.pk}"),
        (f"LG by thematic area ({area.code})", f"{lg_list}?topic={area.code}"),
        (f"LG by topic ({topic.code})", f"{lg_list}?topic={topic.code}"),
        (f"LG by name ({name})", f"{lg_list}?q={name}"),
        ("LG by population, largest first", f"{lg_list}?sort=-population"),
        ("LG by country order", f"{lg_list}?sort=country"),
        ("experts", experts),
        ("experts, page 2", f"{experts}?page=2"),
        (f"experts by thematic area ({area.code})", f"{experts}?topic={area.code}"),
        (f"experts by topic ({topic.code})", f"{experts}?topic={topic.code}"),
        (f"experts by language ({language.code})", f"{experts}?language={language.code}"),
        (f"experts by country ({country})", f"{experts}?country={country}"),
        ("experts by role (elected)", f"{experts}?role=elected"),
        ("experts by name (mar)", f"{experts}?q=mar"),
        ("experts recently updated", f"{experts}?sort=-updated"),
        ("local government page", lg.get_absolute_url()),
        ("person page", person.get_absolute_url()),
        ("associations", reverse("directory:associations")),
        (f"association page ({association.acronym})", association.get_absolute_url()),
        ("topics", reverse("directory:topics")),
        ("API: local governments", reverse("api:localgovernment-list") + "?format=json"),
        (
            "API: local governments by topic",
            reverse("api:localgovernment-list") + f"?format=json&topic={topic.code}",
        ),
        ("API: people", reverse("api:person-list") + "?format=json"),
        ("API: people by topic", reverse("api:person-list") + f"?format=json&topic={area.code}"),
        ("API: associations", reverse("api:association-list") + "?format=json"),
        ("API: topics", reverse("api:topic-list") + "?format=json"),
    ]
    exports = [
        ("CSV: all local governments", f"{lg_list}?export=csv"),
        ("CSV: all experts", f"{experts}?export=csv"),
    ]
    return [
        *(Page(name, address, viewer, repeat) for viewer in VIEWERS for name, address in rows),
        *(
            Page(name, address, viewer, csv_repeat)
            for viewer in VIEWERS
            for name, address in exports
        ),
    ]


VIEWERS = ("anonymous", "member")
MEMBER_EMAIL = "bench-member@bench.peerlearn.example"


def clients() -> dict[str, Any]:
    """An anonymous visitor, and a signed-in member working for a synthetic
    local government (who sees every profile, not only the public ones)."""
    from django.test import Client

    from peerlearn.accounts.models import User
    from peerlearn.directory import synthetic
    from peerlearn.directory.models import Person

    user = User.objects.filter(email=MEMBER_EMAIL).first() or User.objects.create_user(
        email=MEMBER_EMAIL, password=None
    )
    if not Person.objects.filter(user=user).exists():
        Person.objects.create(
            name="Bench Member",
            user=user,
            role="employee",
            local_government=synthetic.synthetic_local_governments().order_by("slug").first(),
        )
    member = Client()
    member.force_login(user)
    return {"anonymous": Client(), "member": member}


def print_table(database: str, generation: str, baseline: Timing, timings: list[Timing]) -> None:
    from django.db import connection

    print()
    print(f"database: {connection.vendor} ({database})")
    print(f"synthetic directory: {generation}")
    print(
        f"baseline (sign-in page, no SQL): median {baseline.median_ms:.1f} ms, "
        f"p95 {baseline.p95_ms:.1f} ms"
    )
    print()
    width = max(len(t.page.name) for t in timings)
    header = f"{'page':<{width}}  {'viewer':<9}  {'median ms':>9}  {'p95 ms':>8}  "
    print(header + f"{'× base':>7}  {'queries':>7}  {'KiB':>7}")
    print("-" * (len(header) + 26))
    for t in timings:
        print(
            f"{t.page.name:<{width}}  {t.page.viewer:<9}  {t.median_ms:>9.1f}  {t.p95_ms:>8.1f}  "
            f"{t.median_ms / baseline.median_ms:>7.1f}  {t.queries:>7}  {t.size_kb:>7.0f}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--local-governments", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=9, help="timed requests per page")
    parser.add_argument("--csv-repeat", type=int, default=3, help="timed requests per export")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the synthetic directory when it already has the requested size",
    )
    parser.add_argument("--only", help="time only the pages whose name contains this text")
    args = parser.parse_args(argv)

    database = configure_environment()
    import django

    django.setup()
    from django.core.management import call_command
    from django.urls import reverse

    from peerlearn.directory import demo

    call_command("migrate", verbosity=0)
    demo.load(say=lambda _text: None)
    generation = generate(args.local_governments, args.people, args.seed, args.reuse)
    print(generation, file=sys.stderr)

    by_viewer = clients()
    baseline = measure(
        by_viewer["anonymous"], Page("sign-in page", reverse("accounts:login"), "anonymous", 25)
    )
    timings: list[Timing] = []
    for page in pages(args.repeat, args.csv_repeat):
        if args.only and args.only.lower() not in page.name.lower():
            continue
        timings.append(measure(by_viewer[page.viewer], page))
        print(f"  {page.viewer:<9} {page.name}: {timings[-1].median_ms:.0f} ms", file=sys.stderr)
    print_table(database, generation, baseline, timings)


if __name__ == "__main__":
    main()
