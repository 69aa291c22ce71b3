"""The directory: local governments, associations, programmes, people, expertise,
and the shared vocabularies (topics, SDGs, methodologies, languages, departments)
with labels in every language of the platform."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

# Lets `at_most` express maximum lengths in SQL.
models.CharField.register_lookup(Length, "length")
models.TextField.register_lookup(Length, "length")

# Languages in which vocabulary labels are kept; English is always present and
# is the fallback when a label is missing in the viewer's language.
LABEL_LANGUAGES = ("en", "ar", "tr", "fr", "es")

NAME_MAX = 200

code_validator = RegexValidator(
    r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$",
    _("Use lower-case letters, digits and underscores, with dots between levels."),
)
language_code_validator = RegexValidator(
    r"^[a-z]{2,3}$", _("Use an ISO 639 language code of two or three lower-case letters.")
)


# Letters that Unicode does not decompose into an ASCII base letter.
_TRANSLITERATION = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ı": "i", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L"}
)


def slug_for(name: str) -> str:
    """An ASCII address slug: "Stjørdal kommune" → "stjordal-kommune"."""
    return slugify(name.translate(_TRANSLITERATION))[:120].strip("-")


class WebAddressField(models.URLField):
    """A web address; typed without a scheme it is taken as https, as Django 6
    will do (and as municipal sites are served today)."""

    def formfield(self, **kwargs: Any) -> Any:
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)


def not_blank(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=~Q(**{field: ""}),
        name=f"%(app_label)s_%(class)s_{field}_not_blank",
        violation_error_message=_("This field cannot be blank."),
    )


def at_most(field: str, length: int) -> models.CheckConstraint:
    # SQLite does not enforce VARCHAR lengths; this makes it refuse over-long text too.
    return models.CheckConstraint(
        condition=Q(**{f"{field}__length__lte": length}),
        name=f"%(app_label)s_%(class)s_{field}_length",
        violation_error_message=_("This text is too long."),
    )


class Labelled(models.Model):
    """A vocabulary entry with a stable code and a label in each platform language."""

    label_en = models.CharField(_("label (English)"), max_length=NAME_MAX)
    label_ar = models.CharField(_("label (Arabic)"), max_length=NAME_MAX, blank=True)
    label_tr = models.CharField(_("label (Turkish)"), max_length=NAME_MAX, blank=True)
    label_fr = models.CharField(_("label (French)"), max_length=NAME_MAX, blank=True)
    label_es = models.CharField(_("label (Spanish)"), max_length=NAME_MAX, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The label in the active language, falling back to English."""
        language = (get_language() or "en").split("-")[0]
        if language in LABEL_LANGUAGES:
            value = getattr(self, f"label_{language}")
            if value:
                return str(value)
        return self.label_en

    def labels(self) -> dict[str, str]:
        return {lang: getattr(self, f"label_{lang}") for lang in LABEL_LANGUAGES}


class Language(Labelled):
    code = models.CharField(
        _("code"), max_length=3, unique=True, validators=[language_code_validator]
    )
    native_name = models.CharField(_("name in the language itself"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["label_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[a-z]{2,3}$"),
                name="directory_language_code_format",
                violation_error_message=_("Use an ISO 639 language code."),
            ),
            not_blank("label_en"),
        ]


class Topic(Labelled):
    """A thematic area (no parent) or a topic within one: a two-level tree."""

    code = models.CharField(_("code"), max_length=64, unique=True, validators=[code_validator])
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thematic area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "code"]
        constraints = [
            not_blank("code"),
            not_blank("label_en"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")),
                name="directory_topic_not_own_parent",
                violation_error_message=_("A topic cannot be its own thematic area."),
            ),
        ]

    @property
    def is_area(self) -> bool:
        return self.parent_id is None

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.parent is not None and self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": _("Choose a thematic area, not a topic, as the parent.")}
            )


class SustainableDevelopmentGoal(Labelled):
    number = models.PositiveSmallIntegerField(
        _("goal"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=17),
                name="directory_sdg_number_range",
                violation_error_message=_("There are seventeen SDGs, numbered 1 to 17."),
            )
        ]

    def __str__(self) -> str:
        return _("SDG %(number)d: %(label)s") % {"number": self.number, "label": self.label}


class Methodology(Labelled):
    code = models.CharField(_("code"), max_length=64, unique=True, validators=[code_validator])

    class Meta:
        verbose_name = _("methodology")
        verbose_name_plural = _("methodologies")
        ordering = ["label_en"]
        constraints = [not_blank("code"), not_blank("label_en")]


class Department(Labelled):
    """A municipal department kind (finance, planning and engineering, …)."""

    code = models.CharField(_("code"), max_length=64, unique=True, validators=[code_validator])

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["label_en"]
        constraints = [not_blank("code"), not_blank("label_en")]


class LocalGovernmentKind(models.TextChoices):
    # The ladder used for functional equivalence, smallest first.
    VILLAGE_COUNCIL = "village_council", _("village council")
    MUNICIPALITY = "municipality", _("municipality")
    DISTRICT = "district", _("district")
    CITY = "city", _("city")
    METROPOLITAN = "metropolitan", _("metropolitan municipality")
    REGION = "region", _("county or region")


COUNTRY_CODES = sorted(code for code, _name in countries)


class LocalGovernment(models.Model):
    name = models.CharField(_("name"), max_length=NAME_MAX)
    name_local = models.CharField(
        _("name in the local script"),
        max_length=NAME_MAX,
        blank=True,
        help_text=_("For example بلدية الخليل or Sultanbeyli Belediyesi."),
    )
    slug = models.SlugField(_("short name in addresses"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=LocalGovernmentKind.choices)
    country = CountryField(_("country"))
    region = models.CharField(
        _("region or governorate"),
        max_length=120,
        blank=True,
        help_text=_("The first-level region: a governorate, province, county or region."),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    official_languages = models.ManyToManyField(
        Language, verbose_name=_("official languages"), blank=True, related_name="+"
    )
    departments = models.ManyToManyField(
        Department, verbose_name=_("departments"), blank=True, related_name="local_governments"
    )
    website = WebAddressField(_("website"), blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    head_since = models.DateField(
        _("current mayor or head in office since"),
        null=True,
        blank=True,
        help_text=_(
            "Record a change of mayor here: the exchanges of this local government will "
            "ask for their political endorsement to be renewed."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("local government")
        verbose_name_plural = _("local governments")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["country", "kind"]),
            models.Index(fields=["kind"]),
            # Lists read a page in this order rather than sorting every row.
            models.Index(fields=["name", "id"]),
        ]
        constraints = [
            not_blank("name"),
            at_most("name", NAME_MAX),
            at_most("name_local", NAME_MAX),
            not_blank("slug"),
            models.CheckConstraint(
                condition=Q(kind__in=LocalGovernmentKind.values),
                name="directory_localgovernment_kind_valid",
                violation_error_message=_("Choose a kind of local government from the list."),
            ),
            models.CheckConstraint(
                condition=Q(country__in=COUNTRY_CODES),
                name="directory_localgovernment_country_iso3166",
                violation_error_message=_("Choose a country from the list (ISO 3166)."),
            ),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population__gte=0),
                name="directory_localgovernment_population_not_negative",
                violation_error_message=_("The population cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:local_government", kwargs={"slug": self.slug})


class AssociationKind(models.TextChoices):
    NATIONAL = "national", _("national association of local governments")
    REGIONAL = "regional", _("regional union of municipalities")
    INTERNATIONAL = "international", _("international network")
    SECTION = "section", _("regional section of a world organisation")


class Association(models.Model):
    name = models.CharField(_("name"), max_length=NAME_MAX)
    acronym = models.CharField(_("acronym"), max_length=20, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AssociationKind.choices)
    country = CountryField(
        _("country"), blank=True, help_text=_("Empty for international networks.")
    )
    website = WebAddressField(_("website"), blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    members = models.ManyToManyField(
        LocalGovernment,
        verbose_name=_("member local governments"),
        through="AssociationMembership",
        related_name="associations",
        blank=True,
    )
    member_associations = models.ManyToManyField(
        "self",
        verbose_name=_("member associations"),
        symmetrical=False,
        related_name="networks",
        blank=True,
        help_text=_("Associations that are members of this network (e.g. APLA in UCLG)."),
    )

    class Meta:
        verbose_name = _("association or network")
        verbose_name_plural = _("associations and networks")
        ordering = ["acronym"]
        constraints = [
            not_blank("name"),
            at_most("name", NAME_MAX),
            not_blank("acronym"),
            not_blank("slug"),
            models.CheckConstraint(
                condition=Q(kind__in=AssociationKind.values),
                name="directory_association_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__in=COUNTRY_CODES),
                name="directory_association_country_iso3166",
                violation_error_message=_("Choose a country from the list (ISO 3166)."),
            ),
        ]

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("directory:association", kwargs={"slug": self.slug})


class AssociationMembership(models.Model):
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.CASCADE
    )
    local_government = models.ForeignKey(
        LocalGovernment, verbose_name=_("local government"), on_delete=models.CASCADE
    )
    since = models.DateField(_("member since"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "local_government"],
                name="directory_membership_unique",
                violation_error_message=_("This local government is already a member."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.local_government} ∈ {self.association}"


class Programme(models.Model):
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX)
    slug = models.SlugField(_("short name in addresses"), max_length=80)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    methodologies = models.ManyToManyField(
        Methodology, verbose_name=_("methodologies"), blank=True, related_name="programmes"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="programmes"
    )
    participants = models.ManyToManyField(
        LocalGovernment,
        verbose_name=_("participating local governments"),
        blank=True,
        related_name="programmes",
        help_text=_("Including partners abroad that are not members of the association."),
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["association__acronym", "-starts_on", "name"]
        constraints = [
            not_blank("name"),
            at_most("name", NAME_MAX),
            models.UniqueConstraint(
                fields=["association", "slug"], name="directory_programme_slug_unique"
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="directory_programme_period_ordered",
                violation_error_message=_("A programme cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "directory:programme", kwargs={"association": self.association.slug, "slug": self.slug}
        )


class PersonRole(models.TextChoices):
    ELECTED = "elected", _("elected official (mandate)")
    EMPLOYEE = "employee", _("municipal employee (task)")
    EXPERT = "expert", _("external expert")


class Person(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX)
    local_government = models.ForeignKey(
        LocalGovernment,
        verbose_name=_("local government"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        help_text=_(
            "For association staff; leave empty when the person works for a local government."
        ),
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), null=True, blank=True, on_delete=models.SET_NULL
    )
    position = models.CharField(_("position"), max_length=NAME_MAX, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=PersonRole.choices)
    languages = models.ManyToManyField(
        Language, verbose_name=_("working languages"), blank=True, related_name="people"
    )
    biography = models.TextField(_("short biography"), max_length=2000, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    is_public = models.BooleanField(
        _("visible to visitors"),
        default=False,
        help_text=_(
            "Show the name, position and expertise to visitors who are not signed in. "
            "Contact details are never shown to them."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "id"]
        indexes = [
            # Lists read a page in these orders rather than sorting every row.
            models.Index(fields=["name", "id"]),
            models.Index(fields=["updated_at"]),
            # Visitors' counts read the public profiles from this index alone.
            models.Index(fields=["is_public"]),
        ]
        constraints = [
            not_blank("name"),
            at_most("name", NAME_MAX),
            models.CheckConstraint(
                condition=Q(role__in=PersonRole.values),
                name="directory_person_role_valid",
                violation_error_message=_("Choose a role from the list."),
            ),
            models.CheckConstraint(
                condition=Q(local_government__isnull=True) | Q(association__isnull=True),
                name="directory_person_one_employer",
                violation_error_message=_(
                    "A person works for a local government or an association, not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:person", kwargs={"pk": self.pk})

    @property
    def organisation(self) -> LocalGovernment | Association | None:
        return self.local_government or self.association


class Expertise(models.Model):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="expertise"
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="expertise"
    )
    years = models.PositiveSmallIntegerField(
        _("years of experience"), validators=[MaxValueValidator(70)]
    )
    summary = models.CharField(_("what I have done"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")
        ordering = ["-years", "topic__code"]
        indexes = [
            # Who knows a topic is read from this index alone (topic filters, counts).
            models.Index(fields=["topic", "person"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "topic"],
                name="directory_expertise_unique_topic",
                violation_error_message=_("This topic is already in the profile."),
            ),
            models.CheckConstraint(
                condition=Q(years__gte=0, years__lte=70),
                name="directory_expertise_years_range",
                violation_error_message=_("Years of experience must be between 0 and 70."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.topic} ({self.years})"
