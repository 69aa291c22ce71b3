"""The demo data set: it loads, loading it again changes nothing, and none of
its people is a real person named in the programme documents (shared/seeds)."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from peerlearn.accounts.models import Role, RoleAssignment, User
from peerlearn.directory.models import LocalGovernment, Person

# Real people named in shared/seeds, as (given names, surname). Copied here
# because CI does not have the seeds: 001 (participants of the UCLG working
# session), 003 (authors and acknowledgements of the NIBR report) and 004
# (interviewees and people quoted in the UCLG publication). Spellings differ
# between documents; both are kept.
SEED_PEOPLE: list[tuple[str, str]] = [
    # 001_*.txt
    ("Braulio", "Díaz"),
    ("Arnau", "Gutierrez Camps"),
    ("Daniel", "Longo"),
    ("Paulo", "Oliveira"),
    ("Felip", "Roca"),
    ("Agnès", "Bickard"),
    ("Sunil", "Dubey"),
    ("Mpilo", "Ngubane"),
    ("Sogen", "Moodley"),
    ("Kubeshni", "Govendor"),
    ("Reuben", "Baatjies"),
    ("Hans", "Buis"),
    ("Josep", "Roig"),
    ("Sara", "Hoeflich"),
    ("Lina", "Gast"),
    ("Shubha", "Sinha"),
    ("Kate", "Kim"),
    ("Kate", "Shea"),
    ("Jean Pierre", "Elong Mbassi"),
    ("Tory", "Damantoro"),
    ("Jordi", "Pascual"),
    ("Magali", "Fricaudet"),
    ("Toni", "Blanco"),
    ("Beth", "Peoch"),
    ("Gloria", "Young"),
    # 003_*.txt
    ("Geir", "Heierstad"),
    ("Jorn", "Holm-Hansen"),
    ("Dag", "Juvkam"),
    ("Frida", "Temmerdal"),
    # 004_*.txt
    ("Kubeshni", "Govender"),
    ("Christine", "Piquemal"),
    ("Agnès", "Bickart"),
    ("Octavi", "de la Varga Mas"),
    ("Arnau", "Guiterrez"),
    ("Sébastien", "Hamel"),
    ("Bernadia Irawati", "Tjandradewi"),
    ("Renske", "Steenbergen"),
    ("Tatiane", "de Jesus"),
    ("Jordi", "Cortés"),
    ("Maria Luisa", "Zapata Trujillo"),
    ("Lidia", "Cobas"),
    ("Benedito", "Guimino"),
    ("Harold", "Jarche"),
    ("Jean-Pierre", "Elong Mbassi"),
]
# Authors cited by surname only in 003_*.txt.
SEED_SURNAMES_ONLY = ["Hjorth-Johansen", "Anger", "Moberg", "Kambewa", "Hvidsten", "Kuusi"]
SEED_EMAILS = [
    "Hans.Buis@vng.nl",
    "Mpilo.Ngubane@durban.gov.za",
    "RBaatjies@salga.org.za",
    "Sogen.Moodley@durban.gov.za",
    "abickart@metropolis.org",
    "bethpeoch@yahoo.com",
    "brauliodica@gmail.com",
    "coordination@agenda21culture.net",
    "damantoro@gmail.com",
    "elongmbassi@yahoo.fr",
    "froca@metropolis.org",
    "frocab@bcn.cat",
    "gutierrezca@diba.cat",
    "jpascual@pangea.org",
    "jroig@uclg.org",
    "k.shea@uclg.org",
    "katekim07@naver.com",
    "kubeshni@blackearthconsulting.com",
    "l.gast@uclg.org",
    "m.fricaudet@uclg.org",
    "paulo.oliveira@fnp.org.br",
    "s.hoeflich@uclg.org",
    "s.sinha@uclg.org",
    "sdubey@metropolis.org",
    "toniblancog@gmail.com",
]


def fold(text: str) -> str:
    """Compare names as people would: without case, accents or hyphens."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").split())


def tokens(text: str) -> set[str]:
    return set(fold(text).split())


def real_person_matching(name: str) -> str | None:
    """The real person a demo name could be taken for: the same full name in
    either order, or one of their given names with one of their surnames."""
    demo = tokens(name)
    for given, surname in SEED_PEOPLE:
        full = f"{given} {surname}"
        if fold(name) in {fold(full), fold(f"{surname} {given}")}:
            return full
        if demo & tokens(given) and demo & tokens(surname):
            return full
    for surname in SEED_SURNAMES_ONLY:
        if tokens(surname) <= demo:
            return surname
    return None


def test_the_name_check_would_catch_a_real_name():
    assert real_person_matching("Mpilo Ngubane") == "Mpilo Ngubane"
    assert real_person_matching("Ngubane Mpilo") == "Mpilo Ngubane"
    assert real_person_matching("Jean-Pierre Elong Mbassi") == "Jean Pierre Elong Mbassi"
    assert real_person_matching("Agnes Bickart") == "Agnès Bickart"
    assert real_person_matching("Maria Zapata") == "Maria Luisa Zapata Trujillo"
    assert real_person_matching("Ole Hvidsten") == "Hvidsten"
    assert real_person_matching("Lina Haddad") is None
    assert real_person_matching("Jordi Roca i Pons") is None


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every PeerLearn model, with every column and many-to-many
    link: a second load that touched anything (even `updated_at`) shows here."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("peerlearn."):
            continue
        for model in config.get_models():
            columns = [f.attname for f in model._meta.concrete_fields]
            many = [f.name for f in model._meta.many_to_many]
            table = []
            for obj in model._default_manager.order_by("pk"):
                values = tuple(getattr(obj, c) for c in columns)
                links = tuple(
                    tuple(sorted(getattr(obj, m).values_list("pk", flat=True))) for m in many
                )
                table.append(values + links)
            rows[model._meta.label] = table
    return rows


class _Quiet:
    def write(self, text: str) -> None:
        pass

    def flush(self) -> None:
        pass


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module (it takes seconds), inside a
    transaction rolled back at the end so that other modules never see it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=_Quiet())
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_loading_twice_changes_nothing(demo):
    first = snapshot()
    assert len(first["directory.LocalGovernment"]) > 50
    assert len(first["directory.Person"]) > 100
    assert len(first["directory.Expertise"]) > 100
    call_command("load_demo", stdout=_Quiet())
    second = snapshot()
    assert {k: len(v) for k, v in second.items()} == {k: len(v) for k, v in first.items()}
    for label in first:
        assert second[label] == first[label], f"the second load changed {label}"


@pytest.mark.django_db
def test_no_demo_person_is_a_real_person_from_the_seeds(demo):
    names = list(Person.objects.values_list("name", flat=True))
    names += [u.get_full_name() for u in User.objects.all() if u.get_full_name()]
    taken = {name: real for name in names if (real := real_person_matching(name))}
    assert taken == {}


@pytest.mark.django_db
def test_demo_emails_use_the_reserved_example_domain(demo):
    emails = [e for e in Person.objects.values_list("email", flat=True) if e]
    emails += list(User.objects.values_list("email", flat=True))
    assert emails
    assert [e for e in emails if not e.endswith(".example")] == []
    seed = {e.lower() for e in SEED_EMAILS}
    assert [e for e in emails if e.lower() in seed] == []
    seed_locals = {e.split("@")[0].lower() for e in SEED_EMAILS}
    assert [e for e in emails if e.split("@")[0].lower() in seed_locals] == []


@pytest.mark.django_db
def test_the_demo_has_every_role_to_try(demo):
    assert User.objects.filter(is_superuser=True).exists()
    assert RoleAssignment.objects.filter(role=Role.COORDINATOR).count() >= 2
    assert RoleAssignment.objects.filter(role=Role.FOCAL_POINT).count() >= 2
    assert Person.objects.filter(is_public=True).exists()
    assert Person.objects.filter(is_public=False).exists()
    hebron = LocalGovernment.objects.get(slug="hebron-municipality")
    assert hebron.name_local == "بلدية الخليل"
