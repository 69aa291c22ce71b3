"""A synthetic directory for scale tests: local governments in many countries,
their memberships, and people with languages and expertise, generated from a
seed so that the same seed on the same database gives the same rows.

Everything is fictional: place names are built from syllables, people's names
combine common given names and surnames, e-mail addresses and websites end in
`.example`. Synthetic rows are recognisable (local government slugs begin with
`syn-` and an eight-digit number, people's e-mail addresses end in
`@syn.peerlearn.example`, the synthetic associations' acronyms begin with
`SYN-`), so that they live beside real or demo rows, another run adds more of
them without clashing, and `remove()` takes exactly them away.

Rows are written with `bulk_create` in batches, one transaction per batch, and
without `full_clean()`: the generator produces only values the model
constraints accept (the tests check a sample with `full_clean()`)."""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import math
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Generic, TypeVar

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from tqdm import tqdm

from peerlearn.directory.models import (
    COUNTRY_CODES,
    Association,
    AssociationKind,
    AssociationMembership,
    Department,
    Expertise,
    Language,
    LocalGovernment,
    LocalGovernmentKind,
    Person,
    PersonRole,
    Topic,
    slug_for,
)

SLUG_PREFIX = "syn-"
EMAIL_DOMAIN = "syn.peerlearn.example"
# Wide enough for a hundred million rows; fixed, so that the highest number
# in use is the greatest slug.
NUMBER_WIDTH = 8
DEFAULT_BATCH_SIZE = 2000

T = TypeVar("T")


class SyntheticDataError(ValueError):
    """The request cannot be carried out; nothing was written."""


@dataclass
class Generated:
    """What one run removed (with --replace) and wrote."""

    removed: int = 0
    removal_seconds: float = 0.0
    associations: int = 0
    local_governments: int = 0
    memberships: int = 0
    official_languages: int = 0
    departments: int = 0
    people: int = 0
    working_languages: int = 0
    expertise: int = 0
    # Writing, without the removal.
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        """Rows written, through tables included."""
        return (
            self.associations
            + self.local_governments
            + self.memberships
            + self.official_languages
            + self.departments
            + self.people
            + self.working_languages
            + self.expertise
        )

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


# ---------------------------------------------------------------------------
# Vocabulary of the generator
# ---------------------------------------------------------------------------

# (Latin, Arabic) syllables of fictional place names.
SYLLABLES: tuple[tuple[str, str], ...] = (
    ("ka", "كا"), ("ra", "را"), ("mo", "مو"), ("li", "لي"), ("sa", "سا"), ("ta", "تا"),
    ("ne", "ني"), ("bo", "بو"), ("vi", "في"), ("da", "دا"), ("ri", "ري"), ("lo", "لو"),
    ("ma", "ما"), ("no", "نو"), ("te", "تي"), ("si", "سي"), ("ba", "با"), ("ro", "رو"),
    ("ha", "ها"), ("mi", "مي"), ("fa", "فا"), ("du", "دو"), ("ke", "كي"), ("za", "زا"),
    ("lu", "لو"), ("ga", "غا"), ("ja", "جا"), ("wa", "وا"), ("ya", "يا"), ("na", "نا"),
    ("ku", "كو"), ("ser", "سير"), ("dal", "دال"), ("mar", "مار"), ("ten", "تين"),
    ("vik", "فيك"), ("lin", "لين"), ("tor", "تور"), ("bel", "بيل"), ("kan", "كان"),
    ("rom", "روم"), ("sol", "سول"), ("nor", "نور"), ("ast", "است"), ("hel", "هيل"),
    ("gor", "غور"), ("mel", "ميل"), ("tan", "تان"), ("dor", "دور"), ("sur", "سور"),
)  # fmt: skip

# Endings that give a place name the sound of a language.
ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("", "ton", "ford", "bury", "field", "wick"),
    "no": ("", "vik", "dal", "stad", "berg", "heim", "øy"),
    "tr": ("", "köy", "ova", "dere", "pınar", "tepe", "lı"),
    "es": ("", "illa", "ares", "ejo", "al", "ura"),
    "fr": ("", "ville", "ac", "ière", "court", "mont"),
    "pt": ("", "inho", "ópolis", "ara", "eira"),
    "de": ("", "dorf", "hausen", "stedt", "ingen", "berg"),
    "nl": ("", "dam", "dijk", "horst", "veen", "broek"),
    "sw": ("", "ni", "wa", "ele"),
    "ar": ("",),
}

# Countries whose local governments use a language of the Language table; the
# others use English, which keeps the working-language filter realistic.
COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("PS", "JO", "LB", "EG", "TN", "DZ", "IQ", "SY", "SA", "AE", "OM", "QA", "KW", "BH",
         "YE", "LY", "SD", "MR"),
        ("ar",),
    ),
    "MA": ("ar", "fr"),
    "TR": ("tr",),
    "CY": ("tr", "en"),
    **dict.fromkeys(
        ("FR", "SN", "CI", "ML", "BF", "NE", "CM", "BJ", "TG", "GA", "CD", "CG", "MG", "HT",
         "GN", "TD", "CF", "MC"),
        ("fr",),
    ),
    "BE": ("nl", "fr", "de"),
    "CH": ("de", "fr"),
    **dict.fromkeys(
        ("ES", "MX", "CO", "PE", "CL", "AR", "EC", "BO", "PY", "UY", "VE", "HN", "SV", "NI",
         "CR", "PA", "DO", "CU"),
        ("es",),
    ),
    "GT": ("es", "cak"),
    **dict.fromkeys(("PT", "BR", "MZ", "AO", "CV", "GW", "ST"), ("pt",)),
    "NO": ("no",),
    **dict.fromkeys(("DE", "AT", "LI"), ("de",)),
    **dict.fromkeys(("NL", "SR"), ("nl",)),
    "TZ": ("sw", "en"),
    "KE": ("en", "sw"),
    "KR": ("ko",),
    "AD": ("ca",),
    "ZA": ("en", "zu"),
}  # fmt: skip

# The countries of the programmes in the seeds carry more local governments.
PROGRAMME_COUNTRIES = (
    "PS", "TR", "NO", "GT", "KE", "TZ", "ZM", "UG", "ZA", "ES", "CO", "MZ", "MA", "KR", "BR",
    "NL", "SE", "DK", "FR", "TN", "JO", "LB",
)  # fmt: skip
# Territories without local governments of their own.
UNINHABITED = frozenset({"AQ", "BV", "HM", "GS", "TF", "UM", "IO"})

# kind: (share of local governments, median population, spread, weight of staff)
KINDS: dict[str, tuple[float, int, float, float]] = {
    LocalGovernmentKind.VILLAGE_COUNCIL: (0.30, 2_000, 0.8, 1.0),
    LocalGovernmentKind.MUNICIPALITY: (0.40, 25_000, 0.9, 3.0),
    LocalGovernmentKind.DISTRICT: (0.12, 90_000, 0.7, 4.0),
    LocalGovernmentKind.CITY: (0.12, 250_000, 0.8, 8.0),
    LocalGovernmentKind.METROPOLITAN: (0.03, 2_000_000, 0.7, 20.0),
    LocalGovernmentKind.REGION: (0.03, 800_000, 0.8, 8.0),
}

ENGLISH_NAME: dict[str, str] = {
    LocalGovernmentKind.VILLAGE_COUNCIL: "{} Village Council",
    LocalGovernmentKind.MUNICIPALITY: "{} Municipality",
    LocalGovernmentKind.DISTRICT: "{} District Council",
    LocalGovernmentKind.CITY: "{} City",
    LocalGovernmentKind.METROPOLITAN: "{} Metropolitan Municipality",
    LocalGovernmentKind.REGION: "{} County",
}
# language: (village council, municipality or city, region); "{}" is the place.
LOCAL_NAME: dict[str, tuple[str, str, str]] = {
    "ar": ("مجلس قروي {}", "بلدية {}", "محافظة {}"),
    "tr": ("{} Köyü", "{} Belediyesi", "{} İl Özel İdaresi"),
    "no": ("{} grendeutvalg", "{} kommune", "{} fylkeskommune"),
    "es": ("Aldea {}", "Municipalidad de {}", "Departamento de {}"),
    "fr": ("Village de {}", "Commune de {}", "Région de {}"),
    "pt": ("Aldeia de {}", "Município de {}", "Província de {}"),
    "de": ("Ortsgemeinde {}", "Gemeinde {}", "Landkreis {}"),
    "nl": ("Dorpsraad {}", "Gemeente {}", "Provincie {}"),
}

# Common given names and surnames by language; the combinations are fictional.
GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    "ar": ("Ahmad", "Khaled", "Omar", "Samer", "Yousef", "Lina", "Rania", "Maysa", "Dalia",
           "Hiba", "Nour", "Karim", "Fatima", "Salma", "Rachid", "Imane"),
    "tr": ("Mehmet", "Mustafa", "Emre", "Burak", "Kemal", "Ayşe", "Elif", "Zeynep", "Selin",
           "Derya", "Hakan", "Pınar"),
    "no": ("Lars", "Ole", "Per", "Knut", "Eirik", "Ingrid", "Kari", "Silje", "Marte", "Hilde",
           "Trond", "Guro"),
    "es": ("José", "Carlos", "Juan", "Lucía", "María", "Ana", "Andrés", "Camila", "Valentina",
           "Luis", "Sandra", "Jordi"),
    "fr": ("Jean", "Pierre", "Amadou", "Moussa", "Claire", "Aïcha", "Fatou", "Sophie",
           "Mamadou", "Isabelle", "Ibrahim", "Awa"),
    "pt": ("João", "Armando", "Celso", "Ana", "Graça", "Lurdes", "Teresa", "Paulo", "Mariana",
           "Rafael", "Beatriz", "Tiago"),
    "de": ("Lukas", "Jonas", "Anna", "Lea", "Felix", "Katrin", "Stefan", "Sabine"),
    "nl": ("Daan", "Sem", "Emma", "Julia", "Bram", "Sanne", "Pieter", "Lotte"),
    "sw": ("Juma", "Hassan", "Baraka", "Neema", "Rehema", "Zawadi", "Upendo", "Emmanuel"),
    "ko": ("Min-jun", "Seo-jun", "Ji-ho", "Ji-won", "Seo-yeon", "Min-seo", "Ha-eun",
           "Hyun-woo"),
    "en": ("Peter", "John", "Grace", "Mercy", "Sipho", "Thandi", "Sarah", "Moses", "David",
           "Esther", "Samuel", "Ruth", "Natasha", "Brian", "Joyce", "Kevin"),
}  # fmt: skip
SURNAMES: dict[str, tuple[str, ...]] = {
    "ar": ("Haddad", "Khalil", "Nasser", "Saleh", "Odeh", "Jaber", "Hamdan", "Qasem",
           "Shaheen", "Awad", "Benali", "Idrissi", "Tazi", "Mansour"),
    "tr": ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan",
           "Koç", "Kurt", "Özdemir"),
    "no": ("Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Dahl", "Moen",
           "Bakken", "Strand", "Lie", "Solberg"),
    "es": ("Pérez", "López", "Gómez", "Morales", "Hernández", "Ramírez", "Restrepo",
           "Castaño", "Zapata", "Puig", "Serra", "Chávez"),
    "fr": ("Diallo", "Traoré", "Martin", "Bernard", "Ndiaye", "Koné", "Dubois", "Sow",
           "Camara", "Lefebvre", "Keita", "Moreau"),
    "pt": ("Silva", "Santos", "Machava", "Sitoe", "Cossa", "Oliveira", "Souza", "Pereira",
           "Tembe", "Costa", "Almeida", "Nhantumbo"),
    "de": ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hofmann"),
    "nl": ("de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Mulder"),
    "sw": ("Mwakasege", "Mushi", "Massawe", "Kimaro", "Lyimo", "Temba", "Otieno", "Mwangi"),
    "ko": ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"),
    "en": ("Otieno", "Mwangi", "Dlamini", "Nkosi", "Banda", "Phiri", "Okello", "Mugisha",
           "Smith", "Brown", "Taylor", "Wilson", "Naidoo", "Zulu", "Tembo", "Mutua"),
}  # fmt: skip

ELECTED_POSITIONS = ("Mayor", "Deputy Mayor", "Councillor", "Chair of the council committee")
EMPLOYEE_POSITIONS = ("Head of {}", "{} officer", "Senior adviser, {}", "{} specialist")
EXPERT_POSITIONS = ("Independent consultant", "Senior adviser", "Trainer", "Researcher")

# person role: share
ROLES: dict[str, float] = {
    PersonRole.EMPLOYEE: 0.70,
    PersonRole.ELECTED: 0.20,
    PersonRole.EXPERT: 0.10,
}
# Number of expertise entries: 0, 1, 2, 3, 4.
EXPERTISE_COUNTS = (0.35, 0.25, 0.20, 0.12, 0.08)
# Number of working languages: 1, 2, 3.
LANGUAGE_COUNTS = (0.5, 0.35, 0.15)
PUBLIC_SHARE = 0.3
ASSOCIATION_STAFF_SHARE = 0.02

# Associations created when the directory has none: (acronym, kind, country).
SYNTHETIC_ASSOCIATIONS: tuple[tuple[str, str, str], ...] = (
    ("SYN-NET", AssociationKind.INTERNATIONAL, ""),
    ("SYN-SEC", AssociationKind.SECTION, "MA"),
    ("SYN-PS", AssociationKind.NATIONAL, "PS"),
    ("SYN-TR", AssociationKind.REGIONAL, "TR"),
    ("SYN-NO", AssociationKind.NATIONAL, "NO"),
    ("SYN-KE", AssociationKind.NATIONAL, "KE"),
    ("SYN-ZA", AssociationKind.NATIONAL, "ZA"),
    ("SYN-BR", AssociationKind.NATIONAL, "BR"),
)
# The chance that a local government belongs to an association of each kind.
MEMBERSHIP_CHANCE: dict[str, float] = {
    AssociationKind.NATIONAL: 0.85,
    AssociationKind.REGIONAL: 0.5,
    AssociationKind.SECTION: 0.04,
    AssociationKind.INTERNATIONAL: 0.06,
}


# ---------------------------------------------------------------------------
# Which rows are synthetic
# ---------------------------------------------------------------------------


def synthetic_local_governments() -> QuerySet[LocalGovernment]:
    # The number as well as the prefix: a real place may be called Syn-something.
    return LocalGovernment.objects.filter(slug__regex=rf"^{SLUG_PREFIX}[0-9]{{{NUMBER_WIDTH}}}-")


def synthetic_people() -> QuerySet[Person]:
    return Person.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


def synthetic_associations() -> QuerySet[Association]:
    return Association.objects.filter(
        acronym__in=[acronym for acronym, _kind, _country in SYNTHETIC_ASSOCIATIONS]
    )


def _next_local_government_number() -> int:
    highest = synthetic_local_governments().order_by("-slug").values_list("slug", flat=True).first()
    if highest is None:
        return 1
    return int(highest[len(SLUG_PREFIX) : len(SLUG_PREFIX) + NUMBER_WIDTH]) + 1


# ---------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------


class WeightedChoice(Generic[T]):
    """Draws from a fixed distribution in O(log n) per draw."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        self.items = items
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self.cumulative, rng.random() * self.total)
        return self.items[min(index, len(self.items) - 1)]


def _zipf(rng: random.Random, items: Sequence[T], exponent: float) -> WeightedChoice[T]:
    """A few items are drawn often and most rarely: popular topics, big countries."""
    shuffled = list(items)
    rng.shuffle(shuffled)
    return WeightedChoice(shuffled, [1 / (rank + 1) ** exponent for rank in range(len(shuffled))])


def _date_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


@dataclass
class PlaceNames:
    """Fictional place names, unique among synthetic local governments."""

    rng: random.Random
    taken: set[str] = field(default_factory=set)

    def stem(self, language: str) -> tuple[str, str]:
        """A place name in Latin letters and, for Arabic, in Arabic script."""
        parts = [self.rng.choice(SYLLABLES) for _ in range(self.rng.choice((2, 2, 3)))]
        ending = self.rng.choice(ENDINGS.get(language, ENDINGS["en"]))
        latin = "".join(p[0] for p in parts) + ending
        return latin.capitalize(), "".join(p[1] for p in parts)

    def unique(self, language: str, kind: str, number: int) -> tuple[str, str, str]:
        """(English name, local name, stem); redraws until the name is new."""
        for _attempt in range(20):
            stem, arabic = self.stem(language)
            name = ENGLISH_NAME[kind].format(stem)
            if name not in self.taken:
                break
        else:
            # The syllables are nearly used up for this kind: the number keeps it unique.
            stem, arabic = f"{stem} {number}", f"{arabic} {number}"
            name = ENGLISH_NAME[kind].format(stem)
        self.taken.add(name)
        return name, _local_name(language, kind, stem, arabic), stem


@functools.cache
def _address_part(name: str) -> str:
    """A name as it appears in an e-mail address. Cached: slugifying is slow, and
    a run meets the same few hundred names a hundred thousand times."""
    return slug_for(name).replace("-", ".") or "person"


def _local_name(language: str, kind: str, stem: str, arabic: str) -> str:
    patterns = LOCAL_NAME.get(language)
    if patterns is None:
        return ""
    if kind == LocalGovernmentKind.VILLAGE_COUNCIL:
        pattern = patterns[0]
    elif kind == LocalGovernmentKind.REGION:
        pattern = patterns[2]
    else:
        pattern = patterns[1]
    return pattern.format(arabic if language == "ar" else stem)


@dataclass
class Vocabulary:
    """The rows the generated ones refer to, loaded once per run."""

    languages: dict[str, int]
    departments: list[tuple[int, str]]
    topics: list[tuple[int, int | None]]
    associations: list[tuple[int, str, str]]

    @classmethod
    def load(cls) -> Vocabulary:
        return cls(
            languages=dict(Language.objects.values_list("code", "id")),
            departments=list(Department.objects.order_by("code").values_list("id", "label_en")),
            topics=list(
                Topic.objects.filter(parent__isnull=False)
                .order_by("code")
                .values_list("id", "parent_id")
            )
            or list(Topic.objects.order_by("code").values_list("id", "parent_id")),
            associations=list(
                Association.objects.order_by("acronym").values_list("id", "kind", "country")
            ),
        )


def _ensure_associations(result: Generated) -> None:
    """The memberships need associations; a blank directory gets a few synthetic ones."""
    if Association.objects.exists():
        return
    rows = [
        Association(
            name=f"Synthetic association {acronym}",
            acronym=acronym,
            slug=slug_for(acronym),
            kind=kind,
            country=country,
            website=f"https://{slug_for(acronym)}.example",
        )
        for acronym, kind, country in SYNTHETIC_ASSOCIATIONS
    ]
    Association.objects.bulk_create(rows)
    result.associations += len(rows)


# ---------------------------------------------------------------------------
# Generating
# ---------------------------------------------------------------------------


@dataclass
class _Workplace:
    """What the people of a local government inherit from it."""

    id: int
    language: str
    weight: float


@dataclass
class _DrawnLocalGovernment:
    local_government: LocalGovernment
    language: str
    official_languages: list[int]
    departments: list[int]
    memberships: list[tuple[int, datetime.date | None]]


@dataclass
class _DrawnPerson:
    person: Person
    languages: list[int]
    expertise: list[tuple[int, int]]


@dataclass
class _Mixture(Generic[T]):
    """Draws from the first distribution with the given share, else from the second."""

    first: WeightedChoice[T]
    second: WeightedChoice[T]
    share: float

    def __call__(self, rng: random.Random) -> T:
        return self.first(rng) if rng.random() < self.share else self.second(rng)


def _draw_count(rng: random.Random, shares: Sequence[float]) -> int:
    roll = rng.random() * sum(shares)
    for count, share in enumerate(shares):
        roll -= share
        if roll < 0:
            return count
    return len(shares) - 1


class _Generator:
    """Draws rows; every draw comes from one seeded stream, in a fixed order."""

    def __init__(self, seed: int, vocabulary: Vocabulary, first_number: int) -> None:
        self.seed = seed
        # The first number is part of the seed: a second run with the same seed
        # draws new rows rather than the first run's again.
        self.rng = random.Random(f"peerlearn-synthetic-{seed}-{first_number}")
        self.vocabulary = vocabulary
        self.names = PlaceNames(self.rng)
        countries = [c for c in COUNTRY_CODES if c not in UNINHABITED]
        programme = [c for c in PROGRAMME_COUNTRIES if c in countries]
        # Half the local governments are in the programmes' countries, the
        # other half spread over the world, a few countries holding many.
        self.country = _Mixture(
            WeightedChoice(programme, [1.0] * len(programme)),
            _zipf(random.Random(f"peerlearn-countries-{seed}"), countries, 1.0),
            share=0.5,
        )
        self.kind = WeightedChoice(list(KINDS), [share for share, *_rest in KINDS.values()])
        self.role = WeightedChoice(list(ROLES), list(ROLES.values()))
        self.regions: dict[str, list[str]] = {}
        self.all_languages = sorted(vocabulary.languages)
        self.topic = (
            _zipf(random.Random(f"peerlearn-topics-{seed}"), vocabulary.topics, 0.8)
            if vocabulary.topics
            else None
        )
        self.topics_by_area: dict[int | None, list[int]] = {}
        for topic_id, area_id in vocabulary.topics:
            self.topics_by_area.setdefault(area_id, []).append(topic_id)
        self.associations_by_country: dict[str, list[tuple[int, float]]] = {}
        self.networks: list[tuple[int, float]] = []
        for association_id, kind, country in vocabulary.associations:
            chance = MEMBERSHIP_CHANCE.get(kind, 0.05)
            if kind in (AssociationKind.NATIONAL, AssociationKind.REGIONAL) and country:
                self.associations_by_country.setdefault(country, []).append(
                    (association_id, chance)
                )
            else:
                self.networks.append((association_id, chance))

    def languages_of(self, country: str) -> tuple[str, ...]:
        wanted = COUNTRY_LANGUAGES.get(country, ("en",))
        present = tuple(c for c in wanted if c in self.vocabulary.languages)
        return present or ("en",)

    def region(self, country: str) -> str:
        regions = self.regions.get(country)
        if regions is None:
            # Seeded by the country alone, so that every run places a country's
            # local governments in the same regions.
            rng = random.Random(f"peerlearn-regions-{self.seed}-{country}")
            names = PlaceNames(rng)
            language = self.languages_of(country)[0]
            regions = sorted({names.stem(language)[0] for _ in range(rng.randint(3, 25))})
            self.regions[country] = regions
        return self.rng.choice(regions)

    def population(self, kind: str) -> int | None:
        if self.rng.random() < 0.03:
            return None
        _share, median, spread, _staff = KINDS[kind]
        return max(50, int(round(self.rng.lognormvariate(math.log(median), spread), -1)))

    def local_government(self, number: int) -> _DrawnLocalGovernment:
        rng = self.rng
        country = self.country(rng)
        kind = self.kind(rng)
        languages = self.languages_of(country)
        name, local_name, stem = self.names.unique(languages[0], kind, number)
        slug = f"{SLUG_PREFIX}{number:0{NUMBER_WIDTH}d}-{slug_for(name)}"[:120].strip("-")
        lg = LocalGovernment(
            name=name,
            name_local=local_name,
            slug=slug,
            kind=kind,
            country=country,
            region="" if rng.random() < 0.05 else self.region(country),
            population=self.population(kind),
            website=f"https://www.{slug_for(stem)}.example" if rng.random() < 0.4 else "",
        )
        official = languages if len(languages) == 1 or rng.random() < 0.5 else languages[:1]
        return _DrawnLocalGovernment(
            local_government=lg,
            language=languages[0],
            official_languages=[
                self.vocabulary.languages[c] for c in official if c in self.vocabulary.languages
            ],
            departments=self.departments(),
            memberships=self.memberships(country),
        )

    def departments(self) -> list[int]:
        available = self.vocabulary.departments
        count = min(len(available), self.rng.randint(0, 5))
        return [department_id for department_id, _label in self.rng.sample(available, count)]

    def memberships(self, country: str) -> list[tuple[int, datetime.date | None]]:
        rng = self.rng
        chosen: list[tuple[int, datetime.date | None]] = []
        for association_id, chance in [
            *self.associations_by_country.get(country, []),
            *self.networks,
        ]:
            if rng.random() < chance:
                since = (
                    _date_between(rng, datetime.date(1980, 1, 1), datetime.date(2024, 12, 31))
                    if rng.random() < 0.6
                    else None
                )
                chosen.append((association_id, since))
        return chosen

    def workplace_chooser(self, workplaces: Sequence[_Workplace]) -> WeightedChoice[_Workplace]:
        # Cities and metropolitan municipalities have more staff in the directory.
        return WeightedChoice(workplaces, [w.weight for w in workplaces])

    def person(self, number: int, workplaces: WeightedChoice[_Workplace]) -> _DrawnPerson:
        rng = self.rng
        workplace: _Workplace | None = None
        association_id: int | None = None
        if self.vocabulary.associations and rng.random() < ASSOCIATION_STAFF_SHARE:
            association_id = rng.choice(self.vocabulary.associations)[0]
        else:
            workplace = workplaces(rng)
        language = workplace.language if workplace else "en"
        given = rng.choice(GIVEN_NAMES.get(language, GIVEN_NAMES["en"]))
        surname = rng.choice(SURNAMES.get(language, SURNAMES["en"]))
        role = self.role(rng)
        department_id: int | None = None
        if role == PersonRole.ELECTED:
            position = rng.choice(ELECTED_POSITIONS)
        elif role == PersonRole.EXPERT:
            position = rng.choice(EXPERT_POSITIONS)
        elif self.vocabulary.departments:
            department_id, department = rng.choice(self.vocabulary.departments)
            position = rng.choice(EMPLOYEE_POSITIONS).format(department)
            position = position[0].upper() + position[1:]
        else:
            position = ""
        local_part = f"{_address_part(given)}.{_address_part(surname)}.{number}"
        person = Person(
            name=f"{given} {surname}",
            local_government_id=workplace.id if workplace else None,
            association_id=association_id,
            department_id=department_id,
            position=position,
            role=role,
            email=f"{local_part}@{EMAIL_DOMAIN}",
            phone=f"+000 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            is_public=rng.random() < PUBLIC_SHARE,
        )
        return _DrawnPerson(person, self.working_languages(language), self.expertise())

    def working_languages(self, first: str) -> list[int]:
        rng = self.rng
        wanted = _draw_count(rng, LANGUAGE_COUNTS) + 1
        codes = [first]
        if wanted > 1 and "en" not in codes:
            codes.append("en")
        while len(codes) < min(wanted, len(self.all_languages)):
            code = rng.choice(self.all_languages)
            if code not in codes:
                codes.append(code)
        return [self.vocabulary.languages[c] for c in codes if c in self.vocabulary.languages]

    def expertise(self) -> list[tuple[int, int]]:
        if self.topic is None:
            return []
        rng = self.rng
        wanted = _draw_count(rng, EXPERTISE_COUNTS)
        chosen: dict[int, int] = {}
        area: int | None = None
        for _attempt in range(wanted * 3):
            if len(chosen) >= wanted:
                break
            if area is not None and rng.random() < 0.5:
                # Specialists tend to know neighbouring topics of one area.
                topic_id = rng.choice(self.topics_by_area[area])
            else:
                topic_id, area = self.topic(rng)
            chosen.setdefault(topic_id, min(70, int(rng.gammavariate(2.0, 4.0))))
        return list(chosen.items())


def _batches(first: int, count: int, size: int) -> Iterator[range]:
    for start in range(first, first + count, size):
        yield range(start, min(first + count, start + size))


def _write_local_governments(
    drawn: list[_DrawnLocalGovernment], result: Generated
) -> list[_Workplace]:
    official_through: Any = LocalGovernment.official_languages.through
    departments_through: Any = LocalGovernment.departments.through
    with transaction.atomic():
        LocalGovernment.objects.bulk_create([d.local_government for d in drawn])
        official = [
            official_through(localgovernment_id=d.local_government.pk, language_id=language_id)
            for d in drawn
            for language_id in d.official_languages
        ]
        departments = [
            departments_through(
                localgovernment_id=d.local_government.pk, department_id=department_id
            )
            for d in drawn
            for department_id in d.departments
        ]
        memberships = [
            AssociationMembership(
                association_id=association_id,
                local_government_id=d.local_government.pk,
                since=since,
            )
            for d in drawn
            for association_id, since in d.memberships
        ]
        official_through.objects.bulk_create(official)
        departments_through.objects.bulk_create(departments)
        AssociationMembership.objects.bulk_create(memberships)
    result.local_governments += len(drawn)
    result.official_languages += len(official)
    result.departments += len(departments)
    result.memberships += len(memberships)
    return [
        _Workplace(
            id=d.local_government.pk,
            language=d.language,
            weight=KINDS[d.local_government.kind][3],
        )
        for d in drawn
    ]


def _write_people(drawn: list[_DrawnPerson], result: Generated) -> None:
    languages_through: Any = Person.languages.through
    with transaction.atomic():
        Person.objects.bulk_create([d.person for d in drawn])
        languages = [
            languages_through(person_id=d.person.pk, language_id=language_id)
            for d in drawn
            for language_id in d.languages
        ]
        expertise = [
            Expertise(person_id=d.person.pk, topic_id=topic_id, years=years)
            for d in drawn
            for topic_id, years in d.expertise
        ]
        languages_through.objects.bulk_create(languages)
        Expertise.objects.bulk_create(expertise)
    result.people += len(drawn)
    result.working_languages += len(languages)
    result.expertise += len(expertise)


def _existing_workplaces(generator: _Generator) -> list[_Workplace]:
    return [
        _Workplace(lg_id, generator.languages_of(country)[0], KINDS[kind][3])
        for lg_id, country, kind in synthetic_local_governments()
        .order_by("slug")
        .values_list("id", "country", "kind")
    ]


def check_request(local_governments: int, people: int, batch_size: int, replace: bool) -> None:
    """Refuse a request that cannot be carried out, before anything is written."""
    if local_governments < 0:
        raise SyntheticDataError(_("The number of local governments cannot be negative."))
    if people < 0:
        raise SyntheticDataError(_("The number of people cannot be negative."))
    if batch_size < 1:
        raise SyntheticDataError(_("The batch size must be at least 1."))
    if people and not local_governments and (replace or not synthetic_local_governments().exists()):
        raise SyntheticDataError(
            _(
                "People need local governments to work for: generate some synthetic "
                "local governments too."
            )
        )


def generate(
    *,
    local_governments: int,
    people: int,
    seed: int = 1,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: IO[str] | None = None,
) -> Generated:
    """Add synthetic local governments and people (after removing the previous
    synthetic rows when `replace`). People work for the local governments of
    this run, or for the synthetic ones already there when the run adds none.
    `progress` receives a progress bar."""
    check_request(local_governments, people, batch_size, replace)
    result = Generated()
    if replace:
        started = time.perf_counter()
        result.removed = remove(batch_size=batch_size, progress=progress)
        result.removal_seconds = time.perf_counter() - started
    started = time.perf_counter()
    if local_governments:
        with transaction.atomic():
            _ensure_associations(result)
    vocabulary = Vocabulary.load()
    first_lg = _next_local_government_number()
    first_person = synthetic_people().count() + 1
    generator = _Generator(seed, vocabulary, first_lg)
    generator.names.taken.update(synthetic_local_governments().values_list("name", flat=True))

    with tqdm(
        total=local_governments + people,
        desc=_("Synthetic directory"),
        unit=_("records"),
        file=progress,
        disable=progress is None,
        mininterval=0.5,
    ) as bar:
        workplaces: list[_Workplace] = []
        for numbers in _batches(first_lg, local_governments, batch_size):
            drawn_lgs = [generator.local_government(number) for number in numbers]
            workplaces.extend(_write_local_governments(drawn_lgs, result))
            bar.update(len(numbers))
        if people:
            chooser = generator.workplace_chooser(workplaces or _existing_workplaces(generator))
            for numbers in _batches(first_person, people, batch_size):
                _write_people([generator.person(n, chooser) for n in numbers], result)
                bar.update(len(numbers))
    if result.rows:
        _refresh_planner_statistics()
    result.seconds = time.perf_counter() - started
    return result


def _refresh_planner_statistics() -> None:
    """After a bulk load, tell PostgreSQL's query planner how large the tables
    have become, as autovacuum would some minutes later: until then it plans
    for the empty tables it last saw. SQLite has statistics only where someone
    ran ANALYZE, so it is left as a deployment would find it."""
    if connection.vendor != "postgresql":
        return
    models: list[Any] = [
        Association,
        AssociationMembership,
        LocalGovernment,
        LocalGovernment.official_languages.through,
        LocalGovernment.departments.through,
        Person,
        Person.languages.through,
        Expertise,
    ]
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _delete_in_batches(
    queryset: QuerySet[Any], batch_size: int, on_batch: Callable[[int], None]
) -> int:
    deleted = 0
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        with transaction.atomic():
            count, _by_model = queryset.model.objects.filter(pk__in=chunk).delete()
        deleted += count
        on_batch(len(chunk))
    return deleted


def remove(*, batch_size: int = DEFAULT_BATCH_SIZE, progress: IO[str] | None = None) -> int:
    """Delete every synthetic row (and what hangs on it); returns the number of
    rows deleted. Demo and real rows stay."""
    lgs = synthetic_local_governments()
    # With anyone placed at a synthetic local government since, who would
    # otherwise keep it from being deleted.
    people = Person.objects.filter(
        Q(email__endswith=f"@{EMAIL_DOMAIN}") | Q(local_government__in=lgs)
    )
    # Associations that real programmes or staff still refer to stay.
    associations = synthetic_associations().filter(programmes=None, staff=None)
    with tqdm(
        total=people.count() + lgs.count(),
        desc=_("Removing the synthetic directory"),
        unit=_("records"),
        file=progress,
        disable=progress is None,
        mininterval=0.5,
    ) as bar:
        deleted = _delete_in_batches(people, batch_size, bar.update)
        deleted += _delete_in_batches(lgs, batch_size, bar.update)
    with transaction.atomic():
        count, _by_model = associations.delete()
    return deleted + count
