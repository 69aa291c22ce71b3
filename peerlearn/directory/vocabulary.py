"""The shared vocabularies every installation starts with: languages,
methodologies, municipal departments, and the topic tree with the SDGs
(data/taxonomy.json). Labels: English, Arabic, Turkish, French, Spanish."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# code: (en, ar, tr, fr, es, name in the language itself)
LANGUAGES: dict[str, tuple[str, str, str, str, str, str]] = {
    "ar": ("Arabic", "العربية", "Arapça", "arabe", "árabe", "العربية"),
    "en": ("English", "الإنجليزية", "İngilizce", "anglais", "inglés", "English"),
    "tr": ("Turkish", "التركية", "Türkçe", "turc", "turco", "Türkçe"),
    "fr": ("French", "الفرنسية", "Fransızca", "français", "francés", "français"),
    "es": ("Spanish", "الإسبانية", "İspanyolca", "espagnol", "español", "español"),
    "pt": ("Portuguese", "البرتغالية", "Portekizce", "portugais", "portugués", "português"),
    "no": ("Norwegian", "النرويجية", "Norveççe", "norvégien", "noruego", "norsk"),
    "sw": ("Swahili", "السواحلية", "Svahili", "swahili", "suajili", "Kiswahili"),
    "de": ("German", "الألمانية", "Almanca", "allemand", "alemán", "Deutsch"),
    "nl": ("Dutch", "الهولندية", "Felemenkçe", "néerlandais", "neerlandés", "Nederlands"),
    "ca": ("Catalan", "الكتالونية", "Katalanca", "catalan", "catalán", "català"),
    "ko": ("Korean", "الكورية", "Korece", "coréen", "coreano", "한국어"),
    "zu": ("Zulu", "الزولو", "Zuluca", "zoulou", "zulú", "isiZulu"),
    "ku": ("Kurdish", "الكردية", "Kürtçe", "kurde", "kurdo", "Kurdî"),
    "quc": ("K'iche'", "الكيتشي", "Kiçe", "quiché", "quiché", "K'iche'"),
    "cak": ("Kaqchikel", "الكاكتشيكل", "Kakçikel", "cakchiquel", "kaqchikel", "Kaqchikel"),
}

# The methodologies of the seeds (UCLG learning agenda, MILE, TAIEX, MIC, URBACT).
METHODOLOGIES: dict[str, tuple[str, str, str, str, str]] = {
    "mentoring": ("Mentoring", "الإرشاد", "Mentorluk", "Mentorat", "Mentoría"),
    "study_visit": (
        "Study visit",
        "زيارة دراسية",
        "Çalışma ziyareti",
        "Visite d'étude",
        "Visita de estudio",
    ),
    "expert_mission": (
        "Expert mission",
        "مهمة خبير",
        "Uzman görevi",
        "Mission d'expertise",
        "Misión de expertos",
    ),
    "workshop": ("Workshop", "ورشة عمل", "Çalıştay", "Atelier", "Taller"),
    "learning_day": (
        "Learning day",
        "يوم تعلّم",
        "Öğrenme günü",
        "Journée d'apprentissage",
        "Jornada de aprendizaje",
    ),
    "webinar": ("Webinar", "ندوة عبر الإنترنت", "Web semineri", "Webinaire", "Seminario web"),
    "master_class": (
        "Master class",
        "درس متقدّم",
        "Ustalık sınıfı",
        "Classe de maître",
        "Clase magistral",
    ),
    "peer_review": (
        "Peer review",
        "مراجعة الأقران",
        "Akran değerlendirmesi",
        "Revue par les pairs",
        "Revisión entre pares",
    ),
    "job_shadowing": (
        "Job shadowing",
        "المرافقة الوظيفية",
        "İş gölgeleme",
        "Observation en situation de travail",
        "Acompañamiento laboral",
    ),
    "staff_exchange": (
        "Staff exchange",
        "تبادل الموظفين",
        "Personel değişimi",
        "Échange de personnel",
        "Intercambio de personal",
    ),
    "twinning": ("Twinning", "التوأمة", "Kardeş şehir", "Jumelage", "Hermanamiento"),
    "action_planning": (
        "Action planning",
        "التخطيط للعمل",
        "Eylem planlama",
        "Planification de l'action",
        "Planificación de acciones",
    ),
}

# Municipal departments named in the seeds (APLA hubs, MIC offices).
DEPARTMENTS: dict[str, tuple[str, str, str, str, str]] = {
    "finance": ("Finance", "المالية", "Mali hizmetler", "Finances", "Finanzas"),
    "planning_engineering": (
        "Planning and engineering",
        "التخطيط والهندسة",
        "İmar ve fen işleri",
        "Urbanisme et services techniques",
        "Planificación e ingeniería",
    ),
    "public_relations": (
        "Public relations",
        "العلاقات العامة",
        "Basın ve halkla ilişkiler",
        "Relations publiques",
        "Relaciones públicas",
    ),
    "environment": ("Environment", "البيئة", "Çevre koruma", "Environnement", "Medio ambiente"),
    "womens_office": (
        "Women's office",
        "وحدة المرأة",
        "Kadın birimi",
        "Bureau de la femme",
        "Oficina Municipal de la Mujer",
    ),
    "social_development": (
        "Social development",
        "التنمية الاجتماعية",
        "Sosyal hizmetler",
        "Développement social",
        "Desarrollo social",
    ),
    "ict": (
        "Information technology and GIS",
        "تكنولوجيا المعلومات ونظم المعلومات الجغرافية",
        "Bilgi işlem ve CBS",
        "Informatique et SIG",
        "Informática y SIG",
    ),
    "human_resources": (
        "Human resources",
        "الموارد البشرية",
        "İnsan kaynakları",
        "Ressources humaines",
        "Recursos humanos",
    ),
    "water_sanitation": (
        "Water and sanitation",
        "المياه والصرف الصحي",
        "Su ve kanalizasyon",
        "Eau et assainissement",
        "Agua y saneamiento",
    ),
    "disaster_management": (
        "Disaster management",
        "إدارة الكوارث",
        "Afet işleri",
        "Gestion des catastrophes",
        "Gestión de desastres",
    ),
    "foreign_relations": (
        "International relations",
        "العلاقات الدولية",
        "Dış ilişkiler",
        "Relations internationales",
        "Relaciones internacionales",
    ),
    "culture_tourism": (
        "Culture and tourism",
        "الثقافة والسياحة",
        "Kültür ve turizm",
        "Culture et tourisme",
        "Cultura y turismo",
    ),
}


def taxonomy() -> dict[str, Any]:
    path = Path(__file__).parent / "data" / "taxonomy.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def labels(values: tuple[str, ...]) -> dict[str, str]:
    return dict(
        zip(("label_en", "label_ar", "label_tr", "label_fr", "label_es"), values[:5], strict=True)
    )


def install(apps: Any) -> None:
    """Create or update every vocabulary entry (used by a data migration, so
    that every installation, and every test database, has them)."""
    Language = apps.get_model("directory", "Language")
    Methodology = apps.get_model("directory", "Methodology")
    Department = apps.get_model("directory", "Department")
    Topic = apps.get_model("directory", "Topic")
    Sdg = apps.get_model("directory", "SustainableDevelopmentGoal")
    for code, values in LANGUAGES.items():
        Language.objects.update_or_create(
            code=code, defaults={**labels(values), "native_name": values[5]}
        )
    for code, names in METHODOLOGIES.items():
        Methodology.objects.update_or_create(code=code, defaults=labels(names))
    for code, names in DEPARTMENTS.items():
        Department.objects.update_or_create(code=code, defaults=labels(names))
    data = taxonomy()
    by_code: dict[str, Any] = {}
    for position, item in enumerate(data["topics"]):
        defaults = {f"label_{lang}": text for lang, text in item["label"].items()}
        defaults["parent"] = by_code.get(item["parent"]) if item["parent"] else None
        defaults["position"] = position
        by_code[item["code"]], _created = Topic.objects.update_or_create(
            code=item["code"], defaults=defaults
        )
    for item in data["sdgs"]:
        Sdg.objects.update_or_create(
            number=item["goal"],
            defaults={f"label_{lang}": text for lang, text in item["label"].items()},
        )
