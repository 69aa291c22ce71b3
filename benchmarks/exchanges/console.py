"""Time the matching console: the demo MENTOR programme, then a synthetic programme.

    .venv/bin/python benchmarks/exchanges/console.py [--needs 5000 --offers 5000]
        [--database-url postgres://postgres@127.0.0.1:5432/pl_bench_console]

Uses SQLite in var/bench/exchanges-console.sqlite3 unless --database-url (or
DATABASE_URL) names another database. The database is started afresh: the
SQLite file is deleted, a PostgreSQL database has its `public` schema dropped
and created again, so the script refuses a database whose name does not
contain "bench" (create one with `createdb -h 127.0.0.1 -U postgres
pl_bench_console`). It is then migrated and the demo loaded (`load_demo`).

For the demo MENTOR programme, then for a synthetic programme of --needs
accepted needs and --offers accepted offers (real directory rows: local
governments in eight countries, their focal points and staff, experts with
accounts, topics from the Topic table, working languages, texts composed from
the taxonomy's labels in en/ar/tr/fr/es and everyday words, all written with
bulk_create; on PostgreSQL the tables are then analysed, as autovacuum would
have done long before a programme reaches that size), a matching run goes
through `matching.execute` as the console starts it, each stage timed and its
SQL statements counted: build_input, the engine's solve (split by the
engine's own `result.timings`) and store. Then, through Django's test client
as the programme's coordinator: the run page (first and last page) and the
console page, the "Approve all proposals" and "Publish approved matches"
buttons (e-mails are built and kept in memory, not sent), and the run page
again with the matches in place.

Baselines measured in the same run: the engine alone (`propose_matches` on the
same plain data, without Django) for the run's stages, and the home page of
the same signed-in coordinator for the pages and buttons. The table gives
seconds, the ratio to the baseline and the SQL statements; peak RSS is printed
at the end. Nothing is asserted. --profile DIR writes a cProfile file per
stage and prints the heaviest functions."""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlparse

PROJECT_DIR = Path(__file__).resolve().parents[2]
BENCH_DIR = PROJECT_DIR / "var" / "bench"
DEFAULT_DATABASE = f"sqlite:///{BENCH_DIR / 'exchanges-console.sqlite3'}"
MENTOR = ("MMU", "mentor")
BENCH_DOMAIN = "bench.peerlearn.example"
MINIMUM_SCORE = 0.2
MATCHING_SOLVER: Final = "optimal"


# Environment and a fresh database ---------------------------------------------------


def configure_environment(database_url: str | None) -> str:
    """Settings come from the environment: the benchmark database, plain HTTP to
    `testserver` for the test client, matching runs in the request (no broker),
    and e-mails kept in memory (they are still built, as they would be sent)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = database_url or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerlearn.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "DEBUG"):
        os.environ[name] = "0"
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(PROJECT_DIR))
    return os.environ["DATABASE_URL"]


def database_name(url: str) -> str:
    return urlparse(url).path.lstrip("/") if not url.startswith("sqlite") else url


def start_afresh(url: str) -> None:
    """Delete the SQLite file before Django opens it; a PostgreSQL database loses
    its public schema once Django is set up (see `empty_postgresql`)."""
    if "bench" not in database_name(url):
        raise SystemExit(f"refusing to empty {url}: its name does not contain 'bench'")
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def empty_postgresql() -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")


# Measuring ----------------------------------------------------------------------------


class QueryCounter:
    """Counts the SQL statements the connection executes (a statement per
    `execute`/`executemany`), without keeping their text."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def counting() -> Iterator[QueryCounter]:
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        yield counter


class Profiler:
    """cProfile around chosen stages when --profile names a folder."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        if folder:
            folder.mkdir(parents=True, exist_ok=True)

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        if self.folder is None:
            yield
            return
        profile = cProfile.Profile()
        profile.enable()
        try:
            yield
        finally:
            profile.disable()
            path = self.folder / f"{name}.prof"
            profile.dump_stats(path)
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
            print(f"\n--- profile of {name} ({path}) ---", file=sys.stderr)
            print(out.getvalue()[-6000:], file=sys.stderr)


@dataclass
class Row:
    scope: str
    name: str
    seconds: float
    queries: int | None = None
    baseline: float | None = None
    note: str = ""
    # What the baseline is: "engine" (the engine alone) or "home" (the home page).
    against: str = "home"


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        ratio = f" ({row.seconds / row.baseline:.1f}x)" if row.baseline else ""
        queries = f", {row.queries} queries" if row.queries is not None else ""
        print(
            f"  {row.scope}: {row.name}: {row.seconds:.3f} s{ratio}{queries} {row.note}",
            file=sys.stderr,
        )


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# A matching run, stage by stage ---------------------------------------------------------


@dataclass
class RunMeasure:
    run: Any = None
    engine_input: Any = None
    result: Any = None
    stages: dict[str, tuple[float, int]] = field(default_factory=dict)
    total: float = 0.0
    total_queries: int = 0


@contextmanager
def timed_stages(measure: RunMeasure, counter: QueryCounter, profile: Profiler) -> Iterator[None]:
    """Wrap `build_input`, `solve` and `store` of the matching adapter, which
    `matching.execute` looks up when it runs, so the real path is timed."""
    from peerlearn.exchanges import matching

    originals = {name: getattr(matching, name) for name in ("build_input", "solve", "store")}

    def wrap(name: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            before, started = counter.count, time.perf_counter()
            with profile(name):
                value = originals[name](*args, **kwargs)
            measure.stages[name] = (time.perf_counter() - started, counter.count - before)
            if name == "build_input":
                measure.engine_input = value
            elif name == "solve":
                measure.result = value
            return value

        return timed

    for name in originals:
        setattr(matching, name, wrap(name))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(matching, name, original)


def matching_run(programme: Any, coordinator: Any, profile: Profiler) -> RunMeasure:
    """Start a run as the console does and execute it in the request's way."""
    from peerlearn.exchanges import matching, services
    from peerlearn.exchanges.models import MatchingRun

    measure = RunMeasure()
    run = services.start_matching_run(
        coordinator, programme, solver=MATCHING_SOLVER, minimum_score=MINIMUM_SCORE
    )
    with counting() as counter, timed_stages(measure, counter, profile):
        started = time.perf_counter()
        matching.execute(run.pk)
        measure.total = time.perf_counter() - started
        measure.total_queries = counter.count
    run.refresh_from_db()
    if run.status != MatchingRun.Status.DONE:
        print(f"  the run ended {run.status}: {run.error}", file=sys.stderr)
    measure.run = run
    return measure


def engine_alone(engine_input: Any) -> float:
    """The baseline: the engine on the same plain data, no Django around it (the
    median of five calls on a small pool, one call on a large one)."""
    from peerlearn import matching as engine
    from peerlearn.exchanges.matching import ALTERNATES

    if not engine_input.needs or not engine_input.offers:
        return 0.0
    times = []
    for _ in range(5 if len(engine_input.needs) * len(engine_input.offers) < 1_000_000 else 1):
        started = time.perf_counter()
        engine.propose_matches(
            engine_input.needs,
            engine_input.offers,
            engine_input.topics,
            constraints=engine_input.constraints,
            solver=MATCHING_SOLVER,
            alternates=ALTERNATES,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# Pages and buttons --------------------------------------------------------------------


@dataclass
class PageTiming:
    median: float
    queries: int
    size_kb: float
    status: int


def request(client: Any, method: str, address: str, data: Any = None) -> tuple[float, Any]:
    started = time.perf_counter()
    response = getattr(client, method)(address, data or {})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    elapsed = time.perf_counter() - started
    response.body_size = len(body)
    return elapsed, response


def time_page(client: Any, address: str, repeat: int, profile: Profiler, name: str) -> PageTiming:
    with counting() as counter, profile(name):
        _warm, response = request(client, "get", address)
    if response.status_code != 200:
        raise SystemExit(f"{address} answered {response.status_code}")
    times = [request(client, "get", address)[0] for _ in range(repeat)]
    return PageTiming(
        statistics.median(times), counter.count, response.body_size / 1024, response.status_code
    )


def press(client: Any, address: str, profile: Profiler, name: str) -> tuple[float, int, Any]:
    with counting() as counter, profile(name):
        elapsed, response = request(client, "post", address)
    if response.status_code != 302:
        raise SystemExit(f"POST {address} answered {response.status_code}")
    return elapsed, counter.count, response


def coordinator_of(programme: Any) -> Any:
    """A coordinator of the programme's association (made if there is none)."""
    from peerlearn.accounts.models import Role, RoleAssignment, User

    assignment = (
        RoleAssignment.objects.filter(role=Role.COORDINATOR, association=programme.association)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if assignment is not None:
        return assignment.user
    user = User.objects.create_user(
        email=f"coordinator-{programme.association.slug}@{BENCH_DOMAIN}", password=None
    )
    RoleAssignment.objects.create(
        user=user, role=Role.COORDINATOR, association=programme.association
    )
    return user


def measure_programme(
    scope: str,
    programme: Any,
    report: Report,
    home: PageTiming,
    repeat: int,
    profile: Profiler,
) -> None:
    from django.core import mail
    from django.test import Client
    from django.urls import reverse

    from peerlearn.accounts.models import Notification
    from peerlearn.exchanges.models import Match

    coordinator = coordinator_of(programme)
    client = Client()
    client.force_login(coordinator)

    measure = matching_run(programme, coordinator, profile)
    run = measure.run
    report.notes.append(
        f"{scope}: {run.needs_count:,} open needs x {run.offers_count:,} offers, "
        f"{run.proposals.filter(assigned=True).count():,} assigned proposals and "
        f"{run.proposals.filter(assigned=False).count():,} alternates, run {run.status}"
    )
    alone = engine_alone(measure.engine_input)
    report.add(Row(scope, "engine alone (baseline)", alone, note="propose_matches, no Django"))
    build, build_queries = measure.stages.get("build_input", (0.0, 0))
    report.add(Row(scope, "build_input", build, build_queries))
    solve, solve_queries = measure.stages.get("solve", (0.0, 0))
    report.add(
        Row(scope, "engine solve", solve, solve_queries, alone or None, "progress writes", "engine")
    )
    timings = dict(measure.result.timings) if measure.result is not None else {}
    for part, seconds in timings.items():
        report.add(Row(scope, f"  engine: {part}", seconds))
    store, store_queries = measure.stages.get("store", (0.0, 0))
    report.add(Row(scope, "store", store, store_queries))
    report.add(
        Row(
            scope,
            "matching run, end to end",
            measure.total,
            measure.total_queries,
            alone or None,
            "matching.execute",
            "engine",
        )
    )

    run_page = reverse("exchanges:run", args=[run.pk])
    console = reverse("exchanges:console", args=[programme.pk])
    for name, address in (("run page", run_page), ("console page", console)):
        page = time_page(client, address, repeat, profile, f"{scope}-{name}")
        report.add(
            Row(scope, name, page.median, page.queries, home.median, f"{page.size_kb:,.0f} KiB")
        )
    last = run_page + "?page=last"
    page = time_page(client, last, repeat, profile, f"{scope}-run page, last")
    report.add(
        Row(
            scope,
            "run page, ?page=last",
            page.median,
            page.queries,
            home.median,
            f"{page.size_kb:,.0f} KiB",
        )
    )

    mail.outbox = []
    approved_before = Match.objects.filter(need__programme=programme, status="approved").count()
    elapsed, queries, _response = press(
        client, reverse("exchanges:run_approve_all", args=[run.pk]), profile, f"{scope}-approve"
    )
    approved = (
        Match.objects.filter(need__programme=programme, status="approved").count() - approved_before
    )
    report.add(
        Row(scope, "approve all", elapsed, queries, home.median, f"{approved:,} matches approved")
    )
    notifications = Notification.objects.count()
    published_before = Match.objects.filter(need__programme=programme, status="published")
    before = published_before.count()
    elapsed, queries, _response = press(
        client, reverse("exchanges:publish", args=[programme.pk]), profile, f"{scope}-publish"
    )
    published = published_before.count() - before
    report.add(
        Row(
            scope,
            "publish",
            elapsed,
            queries,
            home.median,
            f"{published:,} published, {Notification.objects.count() - notifications:,} "
            f"notifications, {len(getattr(mail, 'outbox', [])):,} e-mails",
        )
    )
    mail.outbox = []
    page = time_page(client, run_page, repeat, profile, f"{scope}-run page after")
    report.add(
        Row(
            scope,
            "run page, after publishing",
            page.median,
            page.queries,
            home.median,
            f"{page.size_kb:,.0f} KiB",
        )
    )


# A synthetic programme ------------------------------------------------------------------

# Country: (languages spoken there, most used first; regions).
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "PS": (("ar", "en"), ("Hebron", "Nablus", "Ramallah", "Jenin", "Gaza")),
    "TR": (("tr", "en"), ("Istanbul", "Ankara", "Izmir", "Bursa", "Konya", "Van")),
    "JO": (("ar", "en"), ("Amman", "Irbid", "Zarqa", "Aqaba")),
    "LB": (("ar", "fr", "en"), ("Beirut", "Mount Lebanon", "North", "Bekaa")),
    "TN": (("ar", "fr"), ("Tunis", "Sfax", "Sousse", "Gabes")),
    "MA": (("ar", "fr"), ("Rabat-Sale-Kenitra", "Souss-Massa", "Oriental")),
    "ES": (("es", "en"), ("Andalucia", "Catalunya", "Galicia", "Madrid", "Valencia")),
    "FR": (("fr", "en"), ("Occitanie", "Bretagne", "Grand Est", "Ile-de-France")),
}
KINDS = (
    ("village_council", 2_000, 0.15),
    ("municipality", 40_000, 0.45),
    ("district", 90_000, 0.1),
    ("city", 400_000, 0.2),
    ("metropolitan", 3_000_000, 0.08),
    ("region", 1_500_000, 0.02),
)
# Everyday words of the texts, around the topic labels (split on spaces).
WORDS: dict[str, str] = {
    "en": (
        "we our city municipality residents since years pilot project team council budget "
        "neighbourhood results improve plan service data staff learn experience partners "
        "citizens district new system because need want help"
    ),
    "ar": (
        "نحن بلديتنا المدينة السكان منذ سنوات مشروع تجريبي فريق المجلس الميزانية الحي النتائج "
        "تحسين خطة خدمة بيانات الموظفين تعلم خبرة الشركاء المواطنين نظام جديد نحتاج نريد "
        "مساعدة"
    ),
    "tr": (
        "biz belediyemiz şehir sakinler yıllardır pilot proje ekip meclis bütçe mahalle "
        "sonuçlar iyileştirme plan hizmet veri personel öğrenmek deneyim ortaklar vatandaşlar "
        "ilçe yeni sistem ihtiyaç istiyoruz yardım"
    ),
    "fr": (
        "nous notre ville commune habitants depuis années projet pilote équipe conseil budget "
        "quartier résultats améliorer plan service données personnel apprendre expérience "
        "partenaires citoyens district nouveau système besoin voulons aide"
    ),
    "es": (
        "nosotros nuestro ciudad municipio vecinos desde años proyecto piloto equipo concejo "
        "presupuesto barrio resultados mejorar plan servicio datos personal aprender "
        "experiencia socios ciudadanos distrito nuevo sistema necesitamos queremos ayuda"
    ),
}
SYLLABLES = ("ka", "ra", "mi", "tu", "sel", "bey", "lin", "dor", "an", "es", "ol", "ver", "za")
GIVEN = ("Ahmad", "Leila", "Mehmet", "Ayşe", "Youssef", "Fatima", "Carmen", "Jean", "Sara")
FAMILY = ("Haddad", "Yılmaz", "Khalil", "Martin", "García", "Benali", "Demir", "Nasser")


def _weighted(rng: random.Random, pairs: list[tuple[Any, float]]) -> Any:
    return rng.choices([item for item, _w in pairs], [w for _i, w in pairs])[0]


class Synthetic:
    """Directory rows and a programme of accepted needs and offers, written
    with bulk_create (many-to-many through their `through` tables)."""

    def __init__(self, needs: int, offers: int, seed: int) -> None:
        from django.contrib.auth.hashers import make_password

        from peerlearn.directory.models import Language, Topic

        self.needs, self.offers = needs, offers
        self.rng = random.Random(seed)
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.topics = list(Topic.objects.filter(parent__isnull=False).order_by("code"))
        if not self.topics:
            raise SystemExit("the Topic table is empty: load the demo first")
        self.by_area: dict[Any, list[Any]] = {}
        for topic in self.topics:
            self.by_area.setdefault(topic.parent_id, []).append(topic)
        self.areas = sorted(self.by_area)
        # A few areas are asked about far more than others.
        self.area_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.areas))]
        self.unusable_password = make_password(None)
        self.rows = 0
        self.people_made = 0
        self.seconds = 0.0

    def codes(self, wanted: tuple[str, ...]) -> list[str]:
        return [code for code in wanted if code in self.languages]

    def pick_topics(self) -> list[Any]:
        area = self.rng.choices(self.areas, self.area_weights)[0]
        count = _weighted(self.rng, [(1, 0.5), (2, 0.35), (3, 0.15)])
        own = self.by_area[area]
        chosen = self.rng.sample(own, min(count, len(own)))
        if self.rng.random() < 0.15:
            chosen.append(self.rng.choice(self.topics))
        return list(dict.fromkeys(chosen))

    def text(self, language: str, topics: list[Any], words: int) -> str:
        vocabulary = WORDS.get(language, WORDS["en"]).split()
        parts = [self.rng.choice(vocabulary) for _ in range(words)]
        for topic in topics:
            label = topic.labels().get(language) or topic.label_en
            parts.insert(self.rng.randrange(len(parts) + 1), label.lower())
        return " ".join(parts).capitalize() + "."

    def name(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).title()

    def generate(self) -> Any:
        from django.db import connection, transaction

        started = time.perf_counter()
        with transaction.atomic():
            programme = self._programme()
            lgs = self._local_governments(programme)
            contacts, focal_points = self._staff(lgs)
            self._offers(programme, lgs)
            self._needs(programme, lgs, contacts, focal_points)
        self.seconds = time.perf_counter() - started
        if connection.vendor == "postgresql":
            # A programme of this size grows over months: autovacuum has long
            # analysed its tables, whereas right after a bulk load PostgreSQL
            # plans for the empty tables it last saw (nested loops over 5,000
            # rows). SQLite is left as a deployment finds it, without ANALYZE.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return programme

    def _bulk(self, model: Any, rows: list[Any]) -> list[Any]:
        created: list[Any] = model.objects.bulk_create(rows, batch_size=2000)
        self.rows += len(created)
        return created

    def _users(self, emails: list[str]) -> list[Any]:
        from peerlearn.accounts.models import User

        language = ["", "ar", "tr", "fr", "es", "en"]
        return self._bulk(
            User,
            [
                User(email=email, password=self.unusable_password, language=language[i % 6])
                for i, email in enumerate(emails)
            ],
        )

    def _programme(self) -> Any:
        from peerlearn.directory.models import Association, Programme

        association = Association.objects.create(
            name="Benchmark association",
            acronym="BENCH",
            slug="bench-console",
            kind="national",
            country="TR",
        )
        self.association = association
        return Programme.objects.create(
            association=association,
            name=f"Benchmark programme {self.needs:,} x {self.offers:,}",
            slug="bench-console",
        )

    def _local_governments(self, programme: Any) -> list[Any]:
        from peerlearn.directory.models import AssociationMembership, LocalGovernment

        count = max(20, (self.needs + self.offers) // 8)
        countries = list(COUNTRIES)
        rows = []
        for number in range(count):
            country = countries[number % len(countries)]
            kind, population, _share = _weighted(self.rng, [(k, k[2]) for k in KINDS])
            rows.append(
                LocalGovernment(
                    name=f"{self.name()} {kind.replace('_', ' ')} {number}",
                    slug=f"bench-lg-{number:06d}",
                    kind=kind,
                    country=country,
                    region=self.rng.choice(COUNTRIES[country][1]),
                    population=int(population * self.rng.uniform(0.4, 2.5)),
                )
            )
        lgs = self._bulk(LocalGovernment, rows)
        official = LocalGovernment.official_languages.through
        self._bulk(
            official,
            [
                official(localgovernment_id=lg.pk, language_id=self.languages[code].pk)
                for lg in lgs
                for code in self.codes(COUNTRIES[lg.country.code][0])[:1]
            ],
        )
        self._bulk(
            AssociationMembership,
            [
                AssociationMembership(association=self.association, local_government=lg)
                for lg in lgs
            ],
        )
        return lgs

    def _people(self, drawn: list[tuple[Any, Any, str, tuple[str, ...]]]) -> list[Any]:
        """People (lg, association, role, languages), each with an account."""
        from peerlearn.directory.models import Person

        first = self.people_made
        users = self._users([f"p{first + i:07d}@{BENCH_DOMAIN}" for i in range(len(drawn))])
        people = self._bulk(
            Person,
            [
                Person(
                    name=f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}",
                    user=user,
                    local_government=lg,
                    association=association,
                    role=role,
                    position=self.rng.choice(("Head of unit", "Engineer", "Planner", "Mayor")),
                    email=user.email,
                )
                for user, (lg, association, role, _codes) in zip(users, drawn, strict=True)
            ],
        )
        through = Person.languages.through
        self._bulk(
            through,
            [
                through(person_id=person.pk, language_id=self.languages[code].pk)
                for person, (*_rest, codes) in zip(people, drawn, strict=True)
                for code in codes
            ],
        )
        self.people_made += len(people)
        return people

    def _staff(self, lgs: list[Any]) -> tuple[dict[int, list[Any]], dict[int, Any]]:
        """A focal point (with the role) and a member of staff per local government."""
        from peerlearn.accounts.models import Role, RoleAssignment

        drawn = []
        for lg in lgs:
            codes = tuple(self.codes(COUNTRIES[lg.country.code][0]))
            drawn += [(lg, None, "employee", codes), (lg, None, "employee", codes[:1])]
        people = self._people(drawn)
        contacts: dict[int, list[Any]] = {}
        focal_points: dict[int, Any] = {}
        for index, lg in enumerate(lgs):
            focal, staff = people[2 * index], people[2 * index + 1]
            contacts[lg.pk] = [focal, staff]
            focal_points[lg.pk] = focal
        self._bulk(
            RoleAssignment,
            [
                RoleAssignment(user_id=p.user_id, role=Role.FOCAL_POINT, local_government_id=lg)
                for lg, p in focal_points.items()
            ],
        )
        return contacts, focal_points

    def _working_languages(self, country: str) -> tuple[str, ...]:
        spoken = self.codes(COUNTRIES[country][0])
        count = _weighted(self.rng, [(1, 0.4), (2, 0.45), (3, 0.15)])
        extra = [code for code in self.codes(("en", "fr")) if code not in spoken]
        return tuple(dict.fromkeys([*spoken, *extra][:count]))

    def _offers(self, programme: Any, lgs: list[Any]) -> None:
        from django.utils import timezone

        from peerlearn.exchanges.models import Offer

        drawn: list[tuple[Any, Any, str, tuple[str, ...]]] = []
        for _ in range(self.offers):
            if self.rng.random() < 0.05:
                # An external expert working for the association.
                country = self.rng.choice(list(COUNTRIES))
                drawn.append((None, self.association, "expert", self._working_languages(country)))
            else:
                lg = self.rng.choice(lgs)
                drawn.append((lg, None, "employee", self._working_languages(lg.country.code)))
        people = self._people(drawn)
        now = timezone.now()
        rows, topics, languages = [], [], []
        for person, (lg, _association, _role, codes) in zip(people, drawn, strict=True):
            chosen = self.pick_topics()
            language = codes[0]
            online = self.rng.random() < 0.85
            rows.append(
                Offer(
                    programme=programme,
                    person=person,
                    local_government=lg,
                    description=self.text(language, chosen, self.rng.randint(12, 40)),
                    text_language=self.languages[language],
                    years_experience=self.rng.randint(1, 30),
                    capacity=_weighted(self.rng, [(1, 0.5), (2, 0.3), (3, 0.2)]),
                    online=online,
                    in_person=not online or self.rng.random() < 0.5,
                    serves_region=True,
                    serves_country=self.rng.random() < 0.85,
                    serves_abroad=self.rng.random() < 0.4,
                    status="accepted",
                    created_by_id=person.user_id,
                    submitted_at=now,
                )
            )
            topics.append(chosen)
            languages.append(codes)
        offers = self._bulk(Offer, rows)
        self._through(Offer, offers, topics, languages)

    def _needs(
        self,
        programme: Any,
        lgs: list[Any],
        contacts: dict[int, list[Any]],
        focal_points: dict[int, Any],
    ) -> None:
        from django.utils import timezone

        from peerlearn.exchanges.models import Need

        now = timezone.now()
        rows, topics, languages = [], [], []
        for _ in range(self.needs):
            lg = self.rng.choice(lgs)
            codes = self._working_languages(lg.country.code)
            chosen = self.pick_topics()
            language = codes[0]
            rows.append(
                Need(
                    programme=programme,
                    local_government=lg,
                    contact=self.rng.choice(contacts[lg.pk]),
                    title=self.text(language, chosen[:1], self.rng.randint(2, 5))[:200],
                    problem=self.text(language, chosen, self.rng.randint(15, 45)),
                    outcome=self.text(language, chosen[:1], self.rng.randint(6, 20)),
                    text_language=self.languages[language],
                    kind=_weighted(
                        self.rng,
                        [
                            ("mentoring", 0.5),
                            ("study_visit", 0.2),
                            ("expert_mission", 0.15),
                            ("workshop", 0.1),
                            ("staff_exchange", 0.05),
                        ],
                    ),
                    modality=_weighted(
                        self.rng, [("either", 0.6), ("online", 0.25), ("in_person", 0.15)]
                    ),
                    scope=_weighted(
                        self.rng, [("national", 0.5), ("international", 0.35), ("regional", 0.15)]
                    ),
                    requires_equivalence=self.rng.random() < 0.2,
                    offers_wanted=_weighted(self.rng, [(1, 0.9), (2, 0.08), (3, 0.02)]),
                    interpretation=self.rng.random() < 0.1,
                    status="accepted",
                    created_by_id=focal_points[lg.pk].user_id,
                    submitted_at=now,
                )
            )
            topics.append(chosen)
            languages.append(codes)
        needs = self._bulk(Need, rows)
        self._through(Need, needs, topics, languages)

    def _through(
        self, model: Any, items: list[Any], topics: list[list[Any]], languages: list[Any]
    ) -> None:
        column = f"{model._meta.model_name}_id"
        topic_through, language_through = model.topics.through, model.languages.through
        self._bulk(
            topic_through,
            [
                topic_through(**{column: item.pk, "topic_id": topic.pk})
                for item, chosen in zip(items, topics, strict=True)
                for topic in chosen
            ],
        )
        self._bulk(
            language_through,
            [
                language_through(**{column: item.pk, "language_id": self.languages[code].pk})
                for item, codes in zip(items, languages, strict=True)
                for code in codes
            ],
        )


# The table ---------------------------------------------------------------------------


def print_table(database: str, report: Report, home: PageTiming) -> None:
    from django.db import connection

    print()
    print(f"database: {connection.vendor} ({database})")
    for note in report.notes:
        print(note)
    print(
        f"baselines: the engine alone on the same plain data (rows marked 'x engine'); "
        f"the home page signed in as the coordinator, median {home.median * 1000:.1f} ms, "
        f"{home.queries} queries (rows marked 'x home')"
    )
    print()
    width = max(len(r.scope) for r in report.rows)
    stage = max(len(r.name) for r in report.rows)
    header = f"{'pool':<{width}}  {'stage':<{stage}}  {'seconds':>9}  {'ratio':>15}  {'queries':>8}"
    print(header + "  note")
    print("-" * (len(header) + 30))
    for r in report.rows:
        ratio = f"{r.seconds / r.baseline:,.1f} x {r.against}" if r.baseline else ""
        queries = "" if r.queries is None else f"{r.queries:,}"
        print(
            f"{r.scope:<{width}}  {r.name:<{stage}}  {r.seconds:>9.3f}  {ratio:>15}  "
            f"{queries:>8}  {r.note}"
        )
    print()
    print(f"peak RSS: {peak_rss_mb():,.0f} MiB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--needs", type=int, default=5000)
    parser.add_argument("--offers", type=int, default=5000)
    parser.add_argument("--database-url", help="default: DATABASE_URL, else SQLite in var/bench")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="timed requests per page")
    parser.add_argument("--profile", type=Path, help="write a cProfile file per stage here")
    args = parser.parse_args(argv)

    database = configure_environment(args.database_url)
    start_afresh(database)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from peerlearn.directory.models import Programme

    empty_postgresql()
    profile = Profiler(args.profile)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    print(f"migrated and loaded the demo in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    report = Report()
    mentor = Programme.objects.select_related("association").get(
        association__acronym=MENTOR[0], slug=MENTOR[1]
    )
    client = Client()
    client.force_login(coordinator_of(mentor))
    home = time_page(client, reverse("home"), 15, profile, "home")
    measure_programme("demo MENTOR", mentor, report, home, args.repeat * 3, profile)

    if args.needs and args.offers:
        synthetic = Synthetic(args.needs, args.offers, args.seed)
        programme = synthetic.generate()
        scope = f"{args.needs:,} x {args.offers:,}"
        report.notes.append(
            f"{scope}: generated {synthetic.rows:,} rows in {synthetic.seconds:.1f} s "
            f"({synthetic.rows / synthetic.seconds:,.0f} rows/s)"
        )
        print(report.notes[-1], file=sys.stderr)
        programme = Programme.objects.select_related("association").get(pk=programme.pk)
        measure_programme(scope, programme, report, home, args.repeat, profile)
    print_table(database, report, home)


if __name__ == "__main__":
    main()
