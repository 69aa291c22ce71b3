"""Demo directory built from the programme documents in shared/seeds: the real
associations, programmes and local governments they name, with fictional people.

Organisations and facts are real (APLA's hubs, MMU's MENTOR programme, KS's MIC
partnerships, UCLG's networks); populations are rounded public figures. People
are generated from common given names and surnames: none is a real person and
none appears in the seeds. Every write is an upsert that saves only when
something differs, so loading twice changes nothing."""

from __future__ import annotations

import datetime
import functools
import random
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction

from peerlearn.accounts.models import Role, RoleAssignment, User
from peerlearn.directory.models import (
    Association,
    AssociationMembership,
    Department,
    Expertise,
    Language,
    LocalGovernment,
    Methodology,
    Person,
    PersonRole,
    Programme,
    Topic,
    slug_for,
)

DEMO_PASSWORD = "peerlearn-demo"  # noqa: S105 - printed by `make run` for the demo site only
DEMO_DOMAIN = "demo.peerlearn.example"

# acronym: (name, kind, country, website, description, member of)
ASSOCIATIONS: dict[str, tuple[str, str, str, str, str, tuple[str, ...]]] = {
    "UCLG": (
        "United Cities and Local Governments",
        "international",
        "",
        "https://www.uclg.org",
        "The world organisation of local and regional governments and their associations. "
        "Its Capacity and Institution Building (CIB) working group is the platform for "
        "professionals working on local government development cooperation.",
        (),
    ),
    "UCLG-Africa": (
        "United Cities and Local Governments of Africa",
        "section",
        "MA",
        "https://www.uclga.org",
        "Umbrella organisation of local government in Africa; runs the Africa Local "
        "Government Peer Review Programme.",
        ("UCLG",),
    ),
    "UCLG-MEWA": (
        "United Cities and Local Governments Middle East and West Asia",
        "section",
        "TR",
        "https://uclg-mewa.org",
        "Regional section of UCLG for the Middle East and West Asia.",
        ("UCLG",),
    ),
    "APLA": (
        "Association of Palestinian Local Authorities",
        "national",
        "PS",
        "https://www.apla.ps",
        "Coordinates the Municipal Technical Exchange Hubs with the support of the Local "
        "Governance Reform Programme (LGRP) implemented by GIZ.",
        ("UCLG-MEWA",),
    ),
    "MMU": (
        "Marmara Municipalities Union",
        "regional",
        "TR",
        "https://marmara.gov.tr",
        "Union of the municipalities of the Marmara region; created the MENTOR Programme "
        "in July 2020.",
        ("UCLG-MEWA",),
    ),
    "KS": (
        "Norwegian Association of Local and Regional Authorities",
        "national",
        "NO",
        "https://www.ks.no",
        "Interest organisation and employers' association of Norway's municipalities and "
        "counties; ran Municipal International Cooperation (MIC) from 1997 to 2014.",
        ("UCLG",),
    ),
    "VNG": (
        "Association of Netherlands Municipalities",
        "national",
        "NL",
        "https://www.vng.nl",
        "Its international arm, VNG International, developed the 5 Capabilities approach to "
        "capacity development.",
        ("UCLG",),
    ),
    "SALGA": (
        "South African Local Government Association",
        "national",
        "ZA",
        "https://www.salga.org.za",
        "National association of South Africa's municipalities.",
        ("UCLG-Africa",),
    ),
    "ALGAK": (
        "Association of Local Government Authorities of Kenya",
        "national",
        "KE",
        "",
        "Kenya's association of local authorities, a partner of the MIC programme.",
        ("UCLG-Africa",),
    ),
    "FNP": (
        "Frente Nacional de Prefeitos",
        "national",
        "BR",
        "https://fnp.org.br",
        "Brazil's national front of mayors.",
        ("UCLG",),
    ),
    "CNM": (
        "Confederação Nacional de Municípios",
        "national",
        "BR",
        "https://cnm.org.br",
        "Brazil's national confederation of municipalities.",
        ("UCLG",),
    ),
}

# slug: (association, name, starts, ends, description, methodologies, topic codes)
PROGRAMMES: dict[str, tuple[str, str, str, str | None, str, tuple[str, ...], tuple[str, ...]]] = {
    "technical-exchange-hubs": (
        "APLA",
        "Municipal Technical Exchange Hubs",
        "2019-09-16",
        "2021-12-31",
        "Six thematic hubs (Public Relations, Financial Management, Planning and Engineering, "
        "Village Councils North, Middle and South, Innovation, and Gaza) where local government "
        "units exchange experience. Members join by interest, expertise, needs, priorities and "
        "challenges; each hub elects a coordinator and a deputy and agrees an action plan of "
        "four to five themes, each with a working group.",
        ("learning_day", "mentoring", "workshop", "action_planning"),
        ("communication", "finance", "planning", "digital.open_source"),
    ),
    "mentor": (
        "MMU",
        "MENTOR Programme",
        "2020-07-01",
        None,
        "Municipalities seeking and offering expertise fill in online forms; MMU matches them "
        "and sets up online or face-to-face meetings, after which they continue on their own or "
        "with MMU coordinating. Staff exchanges on request; national and international "
        "matching. 24 meetings had been held by August 2022.",
        ("mentoring", "staff_exchange", "study_visit"),
        ("planning", "mobility", "disaster", "finance", "migration", "environment", "sdg", "hr"),
    ),
    "mic-2011-2014": (
        "KS",
        "Municipal International Cooperation (MIC) 2011–2014",
        "2011-01-01",
        "2014-12-31",
        "Paired partnerships between Norwegian municipalities and municipalities in Guatemala, "
        "Kenya, Tanzania, Zambia and Uganda, matched on functional equivalence, with annual "
        "funding rounds and results-based management. In Guatemala: waste management and "
        "women's political participation; in Africa: governance, service delivery and "
        "environmental concerns in plans.",
        ("twinning", "study_visit", "workshop", "staff_exchange"),
        ("environment.solid_waste", "participation.women_leadership", "planning.master_plan"),
    ),
    "learning-agenda": (
        "UCLG",
        "UCLG Learning Agenda",
        "2015-09-29",
        None,
        "Co-created with members and partners after the Barcelona working session of "
        "September 2015: peer learning in the seek, sense and share phases, with methodologies "
        "such as MILE's mentorship, job shadowing and the 5 Capabilities.",
        ("peer_review", "job_shadowing", "master_class", "webinar", "mentoring"),
        ("sdg", "hr.peer_review"),
    ),
    "peer-review": (
        "UCLG-Africa",
        "Africa Local Government Peer Review Programme",
        "2015-01-01",
        None,
        "Assesses councils and associations against an ideal council on four dimensions: "
        "achievements; leadership and management; engaging customers, communities and "
        "partners; resource and performance management.",
        ("peer_review", "mentoring"),
        ("hr.peer_review",),
    ),
}

# (name, local name, kind, country, region, population, languages, departments,
#  associations, programmes, expertise topic codes)
LocalGovernmentRow = tuple[
    str,
    str,
    str,
    str,
    str,
    int,
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
]
_PS_DEPTS = ("finance", "planning_engineering", "public_relations", "environment", "ict")
_HUBS = ("technical-exchange-hubs",)
# fmt: off
LOCAL_GOVERNMENTS: list[LocalGovernmentRow] = [
    # Palestine: the APLA hub members named or implied in the hubs document.
    ("Hebron Municipality", "بلدية الخليل", "city", "PS", "Hebron", 215000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("digital.open_source", "planning.gis")),
    ("Ramallah Municipality", "بلدية رام الله", "municipality", "PS", "Ramallah and Al-Bireh", 39000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("communication.social_media", "communication.city_marketing")),
    ("Al-Bireh Municipality", "بلدية البيرة", "municipality", "PS", "Ramallah and Al-Bireh", 48000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("finance.budgeting", "finance.cost_centres")),
    ("Nablus Municipality", "بلدية نابلس", "city", "PS", "Nablus", 160000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("economy.tourism", "finance.revenue")),
    ("Bethlehem Municipality", "بلدية بيت لحم", "municipality", "PS", "Bethlehem", 30000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("culture.heritage", "planning.gis")),
    ("Jenin Municipality", "بلدية جنين", "municipality", "PS", "Jenin", 50000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("finance.revenue", "planning.project_management")),
    ("Tulkarm Municipality", "بلدية طولكرم", "municipality", "PS", "Tulkarm", 65000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("planning.bylaws",)),
    ("Qalqilya Municipality", "بلدية قلقيلية", "municipality", "PS", "Qalqilya", 55000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("environment.water_wastewater",)),
    ("Jericho Municipality", "بلدية أريحا", "municipality", "PS", "Jericho", 21000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("economy.tourism", "planning.reparcellation")),
    ("Beit Sahour Municipality", "بلدية بيت ساحور", "municipality", "PS", "Bethlehem", 16000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("communication.campaigns",)),
    ("Al-Aqaba Village Council", "مجلس قروي العقبة", "village_council", "PS", "Tubas", 300, ("ar",), ("finance",), ("APLA",), _HUBS, ("planning.reparcellation", "communication.citizen_relations")),
    ("Rafat Village Council", "مجلس قروي رافات", "village_council", "PS", "Ramallah and Al-Bireh", 2500, ("ar",), ("finance",), ("APLA",), _HUBS, ("finance.revenue", "environment.solid_waste")),
    ("Beit Iksa Village Council", "مجلس قروي بيت اكسا", "village_council", "PS", "Jerusalem", 2000, ("ar",), ("finance",), ("APLA",), _HUBS, ("communication.citizen_relations",)),
    ("Wadi Fukin Village Council", "مجلس قروي وادي فوكين", "village_council", "PS", "Bethlehem", 1400, ("ar",), ("finance",), ("APLA",), _HUBS, ("environment.solid_waste", "economy.agriculture")),
    ("Gaza Municipality", "بلدية غزة", "city", "PS", "Gaza", 600000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("disaster.recovery", "environment.water_wastewater")),
    ("Khan Younis Municipality", "بلدية خان يونس", "city", "PS", "Khan Yunis", 220000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("environment.water_wastewater",)),
    ("Rafah Municipality", "بلدية رفح", "municipality", "PS", "Rafah", 170000, ("ar",), _PS_DEPTS, ("APLA",), _HUBS, ("disaster.emergency_response",)),
    # Turkey: members of the Marmara Municipalities Union (MENTOR).
    ("Istanbul Metropolitan Municipality", "İstanbul Büyükşehir Belediyesi", "metropolitan", "TR", "Marmara", 15600000, ("tr",), ("planning_engineering", "disaster_management", "foreign_relations", "environment"), ("MMU", "UCLG"), ("mentor",), ("disaster.earthquake", "mobility.public_transport")),
    ("Kocaeli Metropolitan Municipality", "Kocaeli Büyükşehir Belediyesi", "metropolitan", "TR", "Marmara", 2100000, ("tr",), ("disaster_management", "environment"), ("MMU",), ("mentor",), ("disaster.earthquake", "environment.solid_waste")),
    ("Bursa Metropolitan Municipality", "Bursa Büyükşehir Belediyesi", "metropolitan", "TR", "Marmara", 3200000, ("tr",), ("planning_engineering", "culture_tourism"), ("MMU",), ("mentor",), ("mobility.public_transport", "culture.heritage")),
    ("Sakarya Metropolitan Municipality", "Sakarya Büyükşehir Belediyesi", "metropolitan", "TR", "Marmara", 1100000, ("tr",), ("disaster_management",), ("MMU",), ("mentor",), ("disaster.flood",)),
    ("Tekirdağ Metropolitan Municipality", "Tekirdağ Büyükşehir Belediyesi", "metropolitan", "TR", "Marmara", 1100000, ("tr",), ("environment",), ("MMU",), ("mentor",), ("environment.water_wastewater",)),
    ("Balıkesir Metropolitan Municipality", "Balıkesir Büyükşehir Belediyesi", "metropolitan", "TR", "Marmara", 1250000, ("tr",), ("environment",), ("MMU",), ("mentor",), ("economy.agriculture",)),
    ("Yalova Municipality", "Yalova Belediyesi", "municipality", "TR", "Marmara", 170000, ("tr",), ("planning_engineering",), ("MMU",), ("mentor",), ("disaster.earthquake",)),
    ("Sultanbeyli Municipality", "Sultanbeyli Belediyesi", "district", "TR", "Marmara", 360000, ("tr",), ("social_development", "foreign_relations"), ("MMU",), ("mentor",), ("migration.services", "migration.integration")),
    ("Kadıköy Municipality", "Kadıköy Belediyesi", "district", "TR", "Marmara", 480000, ("tr",), ("environment", "social_development"), ("MMU",), ("mentor",), ("sdg.vlr", "participation.consultation")),
    ("Maltepe Municipality", "Maltepe Belediyesi", "district", "TR", "Marmara", 520000, ("tr",), ("human_resources",), ("MMU",), ("mentor",), ("hr.training",)),
    ("Nilüfer Municipality", "Nilüfer Belediyesi", "district", "TR", "Marmara", 500000, ("tr",), ("environment",), ("MMU",), ("mentor",), ("environment.climate_adaptation", "sdg.indicators")),
    ("Gebze Municipality", "Gebze Belediyesi", "district", "TR", "Marmara", 400000, ("tr",), ("planning_engineering",), ("MMU",), ("mentor",), ("digital.eservices",)),
    ("Süleymanpaşa Municipality", "Süleymanpaşa Belediyesi", "district", "TR", "Marmara", 220000, ("tr",), ("finance",), ("MMU",), ("mentor",), ("finance.procurement",)),
    # Norway: the MIC municipalities (KS) of 2011–2014.
    ("Stjørdal Municipality", "Stjørdal kommune", "municipality", "NO", "Nord-Trøndelag", 23000, ("no",), ("environment", "foreign_relations"), ("KS",), ("mic-2011-2014",), ("environment.solid_waste", "participation.gender")),
    ("Ål Municipality", "Ål kommune", "municipality", "NO", "Buskerud", 4700, ("no",), ("environment",), ("KS",), ("mic-2011-2014",), ("environment.solid_waste", "participation.consultation")),
    ("Stord Municipality", "Stord kommune", "municipality", "NO", "Hordaland", 18500, ("no",), ("environment",), ("KS",), ("mic-2011-2014",), ("environment.solid_waste", "participation.women_leadership")),
    ("Tinn Municipality", "Tinn kommune", "municipality", "NO", "Telemark", 5800, ("no",), ("environment",), ("KS",), ("mic-2011-2014",), ("environment.solid_waste",)),
    ("Odda Municipality", "Odda kommune", "municipality", "NO", "Hordaland", 7000, ("no",), ("environment",), ("KS",), ("mic-2011-2014",), ("environment.solid_waste", "finance.revenue")),
    ("Melhus Municipality", "Melhus kommune", "municipality", "NO", "Sør-Trøndelag", 16000, ("no",), ("planning_engineering", "environment", "ict"), ("KS",), ("mic-2011-2014",), ("planning.master_plan", "environment.solid_waste")),
    ("Skodje Municipality", "Skodje kommune", "municipality", "NO", "Møre og Romsdal", 4600, ("no",), ("finance",), ("KS",), ("mic-2011-2014",), ("environment.solid_waste", "finance.revenue")),
    ("Jølster Municipality", "Jølster kommune", "municipality", "NO", "Sogn og Fjordane", 3000, ("no",), ("environment",), ("KS",), ("mic-2011-2014",), ("environment.green_spaces", "participation.women_leadership")),
    ("Aust-Agder County", "Aust-Agder fylkeskommune", "region", "NO", "Aust-Agder", 114000, ("no",), ("environment",), ("KS",), ("mic-2011-2014",), ("environment.solid_waste",)),
    ("Porsgrunn Municipality", "Porsgrunn kommune", "municipality", "NO", "Telemark", 36000, ("no",), ("planning_engineering",), ("KS",), ("mic-2011-2014",), ("planning.master_plan", "participation.consultation")),
    ("Ringebu Municipality", "Ringebu kommune", "municipality", "NO", "Oppland", 4500, ("no",), ("environment",), ("KS",), ("mic-2011-2014",), ("environment.solid_waste", "hr.training")),
    # MIC partners in the South.
    ("Panajachel", "Municipalidad de Panajachel", "municipality", "GT", "Sololá", 16000, ("es",), ("womens_office", "environment"), (), ("mic-2011-2014",), ("participation.gender", "environment.solid_waste")),
    ("Sololá", "Municipalidad de Sololá", "municipality", "GT", "Sololá", 130000, ("es", "cak"), ("womens_office", "environment"), (), ("mic-2011-2014",), ("environment.solid_waste", "participation.women_leadership")),
    ("San Juan Comalapa", "Municipalidad de San Juan Comalapa", "municipality", "GT", "Chimaltenango", 45000, ("es", "cak"), ("womens_office", "environment"), (), ("mic-2011-2014",), ("environment.solid_waste", "participation.women_leadership")),
    ("Champerico", "Municipalidad de Champerico", "municipality", "GT", "Retalhuleu", 40000, ("es",), ("womens_office", "environment"), (), ("mic-2011-2014",), ("participation.gender", "environment.solid_waste")),
    ("Santiago Atitlán", "Municipalidad de Santiago Atitlán", "municipality", "GT", "Sololá", 50000, ("es",), ("womens_office", "environment"), (), ("mic-2011-2014",), ("environment.solid_waste", "participation.gender")),
    ("Taveta Town Council", "", "municipality", "KE", "Taita-Taveta", 90000, ("en", "sw"), ("planning_engineering", "environment"), ("ALGAK",), ("mic-2011-2014",), ("planning.master_plan", "environment.solid_waste")),
    ("Voi Municipality", "", "municipality", "KE", "Taita-Taveta", 90000, ("en", "sw"), ("finance", "environment"), ("ALGAK",), ("mic-2011-2014",), ("finance.revenue", "environment.solid_waste")),
    ("Kisumu City", "", "city", "KE", "Kisumu", 400000, ("en", "sw"), ("planning_engineering",), ("ALGAK",), ("mic-2011-2014",), ("planning.upgrading", "planning.master_plan")),
    ("Mwanza City Council", "", "city", "TZ", "Mwanza", 700000, ("sw", "en"), ("environment",), (), ("mic-2011-2014",), ("environment.solid_waste",)),
    ("Mpulungu District Council", "", "district", "ZM", "Northern", 120000, ("en",), ("environment",), (), ("mic-2011-2014",), ("participation.youth", "environment.green_spaces")),
    ("Mityana Municipal Council", "", "municipality", "UG", "Central", 100000, ("en",), ("environment",), (), ("mic-2011-2014",), ("environment.solid_waste", "hr.training")),
    # UCLG networks: cities named in the UCLG peer-learning catalogue.
    ("eThekwini Metropolitan Municipality", "eThekwini", "metropolitan", "ZA", "KwaZulu-Natal", 3900000, ("en", "zu"), ("human_resources", "planning_engineering"), ("SALGA", "UCLG"), ("learning-agenda", "peer-review"), ("hr.training", "planning.master_plan")),
    ("Barcelona Provincial Council", "Diputació de Barcelona", "region", "ES", "Catalonia", 5700000, ("ca", "es"), ("foreign_relations",), ("UCLG",), ("learning-agenda",), ("hr.peer_review", "economy.entrepreneurship")),
    ("Medellín", "Alcaldía de Medellín", "metropolitan", "CO", "Antioquia", 2600000, ("es",), ("planning_engineering",), ("UCLG",), ("learning-agenda",), ("mobility.public_transport", "planning.upgrading")),
    ("Maputo Municipal Council", "Conselho Municipal de Maputo", "city", "MZ", "Maputo City", 1100000, ("pt",), ("environment",), ("UCLG",), ("learning-agenda",), ("environment.solid_waste",)),
    ("Chefchaouen", "جماعة شفشاون", "municipality", "MA", "Tanger-Tetouan-Al Hoceima", 43000, ("ar", "fr"), ("culture_tourism",), ("UCLG",), ("learning-agenda",), ("culture.heritage", "economy.tourism")),
    ("Seoul Metropolitan Government", "서울특별시", "metropolitan", "KR", "Seoul", 9400000, ("ko",), ("foreign_relations",), ("UCLG",), ("learning-agenda",), ("digital.open_data", "digital.eservices")),
]

# Common given names and surnames by country; combinations are fictional.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "PS": (("Ahmad", "Khaled", "Omar", "Samer", "Yousef", "Tariq", "Nidal", "Bassam"), ("Lina", "Rania", "Maysa", "Dalia", "Hiba", "Nour", "Reem", "Suha"), ("Haddad", "Khalil", "Nasser", "Saleh", "Odeh", "Jaber", "Hamdan", "Qasem", "Shaheen", "Awad")),
    "TR": (("Mehmet", "Mustafa", "Emre", "Burak", "Kemal", "Serkan", "Onur", "Hakan"), ("Ayşe", "Elif", "Zeynep", "Selin", "Derya", "Gizem", "Esra", "Pınar"), ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan", "Koç")),
    "NO": (("Lars", "Ole", "Per", "Knut", "Eirik", "Arne", "Svein", "Trond"), ("Ingrid", "Kari", "Silje", "Marte", "Hilde", "Tone", "Randi", "Guro"), ("Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Dahl", "Moen", "Bakken", "Strand")),
    "GT": (("José", "Carlos", "Juan", "Pedro", "Luis", "Mario", "Edgar", "Víctor"), ("María", "Ana", "Lucía", "Rosa", "Marta", "Sandra", "Gladys", "Elena"), ("Pérez", "López", "Gómez", "Morales", "Hernández", "Ramírez", "Cuxil", "Tzoc", "Sajché", "Chávez")),
    "KE": (("Peter", "John", "Joseph", "David", "Samuel", "Brian", "Kevin", "Dennis"), ("Grace", "Mercy", "Faith", "Agnes", "Esther", "Ruth", "Caroline", "Joyce"), ("Otieno", "Mwangi", "Wanjiru", "Achieng", "Kiprop", "Mutua", "Onyango", "Wekesa", "Njoroge", "Chebet")),
    "TZ": (("Juma", "Hassan", "Baraka", "Emmanuel"), ("Neema", "Rehema", "Zawadi", "Upendo"), ("Mwakasege", "Mushi", "Massawe", "Kimaro", "Lyimo", "Temba")),
    "ZM": (("Mwila", "Chanda", "Bwalya", "Mulenga"), ("Natasha", "Chilufya", "Mutale", "Precious"), ("Banda", "Phiri", "Mwale", "Tembo", "Zulu", "Lungu")),
    "UG": (("Moses", "Ivan", "Robert", "Denis"), ("Sarah", "Prossy", "Harriet", "Annet"), ("Okello", "Nakato", "Mugisha", "Ssemwanga", "Namubiru", "Kato")),
    "ZA": (("Sipho", "Themba", "Bongani", "Pieter"), ("Thandi", "Lindiwe", "Nomsa", "Zanele"), ("Dlamini", "Nkosi", "Naidoo", "Zulu", "Mokoena", "Botha")),
    "ES": (("Jordi", "Pau", "Marc", "Xavier"), ("Laura", "Marta", "Núria", "Montse"), ("Puig", "Serra", "Vidal", "Soler", "Ferrer", "Roca i Pons")),
    "CO": (("Andrés", "Felipe", "Santiago", "Julián"), ("Camila", "Valentina", "Paola", "Natalia"), ("Restrepo", "Gómez", "Castaño", "Zapata", "Ochoa", "Arango")),
    "MZ": (("João", "Armando", "Celso", "Fernando"), ("Ana", "Graça", "Lurdes", "Teresa"), ("Machava", "Sitoe", "Cossa", "Mabunda", "Nhantumbo", "Tembe")),
    "MA": (("Youssef", "Karim", "Hamza", "Rachid"), ("Fatima", "Salma", "Khadija", "Imane"), ("El Amrani", "Benali", "Idrissi", "Tazi", "Alaoui", "Bennani")),
    "KR": (("Min-jun", "Seo-jun", "Ji-ho", "Hyun-woo"), ("Ji-won", "Seo-yeon", "Min-seo", "Ha-eun"), ("Kim", "Lee", "Park", "Choi", "Jung", "Kang")),
}

# Position titles by language, indexed by department code.
POSITIONS: dict[str, dict[str, str]] = {
    "ar": {"finance": "مدير الدائرة المالية", "planning_engineering": "مهندس التخطيط", "public_relations": "مسؤولة العلاقات العامة", "environment": "رئيس قسم الصحة والبيئة", "ict": "مسؤول نظم المعلومات الجغرافية", "": "عضو المجلس البلدي"},
    "tr": {"planning_engineering": "İmar ve Şehircilik Müdürü", "disaster_management": "Afet İşleri Uzmanı", "foreign_relations": "Dış İlişkiler Uzmanı", "environment": "Çevre Mühendisi", "social_development": "Sosyal Hizmetler Müdürü", "human_resources": "İnsan Kaynakları Müdürü", "culture_tourism": "Kültür ve Turizm Uzmanı", "finance": "Mali Hizmetler Müdürü", "": "Belediye Meclis Üyesi"},
    "no": {"environment": "Miljørådgiver", "planning_engineering": "Arealplanlegger", "foreign_relations": "Rådgiver internasjonalt samarbeid", "finance": "Økonomisjef", "ict": "IKT-rådgiver", "": "Kommunestyremedlem"},
    "es": {"womens_office": "Directora de la Oficina Municipal de la Mujer", "environment": "Encargado de la Oficina de Medio Ambiente", "planning_engineering": "Director de Planificación", "foreign_relations": "Técnica de relaciones internacionales", "": "Concejal"},
    "en": {"planning_engineering": "Physical Planner", "environment": "Environment Officer", "finance": "Revenue Officer", "human_resources": "Learning and Development Manager", "foreign_relations": "International Relations Officer", "culture_tourism": "Heritage Officer", "": "Councillor"},
}
# fmt: on


def _upsert(model: Any, lookup: dict[str, Any], values: dict[str, Any]) -> Any:
    """Create, or update only when a value differs: loading twice writes nothing."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save()
    return obj


def _set_m2m(manager: Any, wanted: list[Any]) -> None:
    if {o.pk for o in manager.all()} != {o.pk for o in wanted}:
        manager.set(wanted)


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _position(language: str, department: str, rng: random.Random) -> str:
    titles = POSITIONS.get(language, POSITIONS["en"])
    return titles.get(department) or titles[""]


def load(say: Callable[[str], None] = print) -> dict[str, Any]:
    """Load the demo directory; returns the demo accounts as (e-mail, role, scope)."""
    with transaction.atomic():
        languages = {lang.code: lang for lang in Language.objects.all()}
        departments = {d.code: d for d in Department.objects.all()}
        topics = {t.code: t for t in Topic.objects.all()}
        methodologies = {m.code: m for m in Methodology.objects.all()}

        associations: dict[str, Association] = {}
        for acronym, (name, kind, country, website, description, _parents) in ASSOCIATIONS.items():
            associations[acronym] = _upsert(
                Association,
                {"acronym": acronym},
                {
                    "name": name,
                    "slug": slug_for(acronym),
                    "kind": kind,
                    "country": country,
                    "website": website,
                    "description": description,
                },
            )
        for acronym, (*_rest, parents) in ASSOCIATIONS.items():
            for parent in parents:
                if (
                    not associations[parent]
                    .member_associations.filter(pk=associations[acronym].pk)
                    .exists()
                ):
                    associations[parent].member_associations.add(associations[acronym])

        programmes: dict[str, Programme] = {}
        for slug, (acronym, name, starts, ends, description, methods, codes) in PROGRAMMES.items():
            programme = _upsert(
                Programme,
                {"association": associations[acronym], "slug": slug},
                {
                    "name": name,
                    "starts_on": _date(starts),
                    "ends_on": _date(ends),
                    "description": description,
                },
            )
            _set_m2m(programme.methodologies, [methodologies[m] for m in methods])
            _set_m2m(programme.topics, [topics[c] for c in codes])
            programmes[slug] = programme

        lgs: list[tuple[LocalGovernment, LocalGovernmentRow]] = []
        participants: dict[str, list[LocalGovernment]] = {slug: [] for slug in programmes}
        for row in LOCAL_GOVERNMENTS:
            (
                name,
                local,
                kind,
                country,
                region,
                population,
                langs,
                depts,
                members,
                progs,
                _codes,
            ) = row
            lg = _upsert(
                LocalGovernment,
                {"slug": slug_for(name)},
                {
                    "name": name,
                    "name_local": local,
                    "kind": kind,
                    "country": country,
                    "region": region,
                    "population": population,
                },
            )
            _set_m2m(lg.official_languages, [languages[c] for c in langs])
            _set_m2m(lg.departments, [departments[c] for c in depts])
            for acronym in members:
                AssociationMembership.objects.get_or_create(
                    association=associations[acronym], local_government=lg
                )
            for slug in progs:
                participants[slug].append(lg)
            lgs.append((lg, row))
        for slug, members_of_programme in participants.items():
            # Only add: other capabilities' demos add partners of their own.
            present = set(programmes[slug].participants.values_list("pk", flat=True))
            missing = [lg for lg in members_of_programme if lg.pk not in present]
            if missing:
                programmes[slug].participants.add(*missing)

        people = _load_people(lgs, languages, departments, topics)
        accounts = _load_accounts(associations, {lg.slug: lg for lg, _row in lgs}, people)
    say(
        f"Demo directory: {len(associations)} associations, {len(programmes)} programmes, "
        f"{len(lgs)} local governments, {len(people)} people."
    )
    return {"accounts": accounts}


def _load_people(
    lgs: list[tuple[LocalGovernment, LocalGovernmentRow]],
    languages: dict[str, Language],
    departments: dict[str, Department],
    topics: dict[str, Topic],
) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for lg, row in lgs:
        (_n, _l, _k, country, _r, _p, langs, depts, _m, _progs, codes) = row
        # Seeded by the local government, so every load draws the same people.
        rng = random.Random(f"peerlearn-demo-{lg.slug}")
        given_male, given_female, surnames = NAMES[country]
        count = 3 if lg.kind in {"metropolitan", "city", "region"} else 2
        for index in range(count):
            given = rng.choice(given_female if index % 2 == 0 else given_male)
            surname = rng.choice(surnames)
            name = f"{given} {surname}"
            department = depts[index % len(depts)] if depts else ""
            elected = index == count - 1 and count > 2
            email = f"{slug_for(given)}.{slug_for(surname)}.{index}@{lg.slug}.{DEMO_DOMAIN}"
            person = _upsert(
                Person,
                {"email": email},
                {
                    "name": name,
                    "local_government": lg,
                    "association": None,
                    "department": None if elected else departments[department],
                    "position": _position(langs[0], "" if elected else department, rng),
                    "role": PersonRole.ELECTED if elected else PersonRole.EMPLOYEE,
                    "phone": f"+000 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                    "is_public": index == 0,
                    "biography": "",
                },
            )
            spoken = [languages[c] for c in langs if c in languages]
            if "en" not in langs and rng.random() < 0.6:
                spoken.append(languages["en"])
            _set_m2m(person.languages, spoken)
            mine = codes[index % len(codes) :] + codes[: index % len(codes)] if codes else ()
            for code in mine[:2]:
                _upsert(
                    Expertise,
                    {"person": person, "topic": topics[code]},
                    {"years": 2 + rng.randint(0, 18), "summary": ""},
                )
            people[email] = person
    return people


# (e-mail local part, role, scope slug or acronym, person's local government slug)
ACCOUNTS: list[tuple[str, str, str]] = [
    ("coordinator.apla", "coordinator", "APLA"),
    ("coordinator.mmu", "coordinator", "MMU"),
    ("coordinator.ks", "coordinator", "KS"),
    ("coordinator.uclg", "coordinator", "UCLG"),
    ("focalpoint.hebron", "focal_point", "hebron-municipality"),
    ("focalpoint.sultanbeyli", "focal_point", "sultanbeyli-municipality"),
    ("focalpoint.stjordal", "focal_point", "stjordal-municipality"),
    ("member.ramallah", "member", "ramallah-municipality"),
]
ADMIN_EMAIL = "admin@peerlearn.example"


def demo_password_hash() -> str:
    """One hash for every demo account: hashing is deliberately slow."""
    return _hash_with(tuple(settings.PASSWORD_HASHERS))


@functools.cache
def _hash_with(hashers: tuple[str, ...]) -> str:
    # Keyed by the hashers in use, so that a change of settings (in tests)
    # never reuses a hash the current hashers cannot read.
    return make_password(DEMO_PASSWORD)


def _account(email: str, *, superuser: bool = False) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, is_staff=superuser, is_superuser=superuser)
        user.password = demo_password_hash()
        user.save()
    return user


def _load_accounts(
    associations: dict[str, Association],
    lgs: dict[str, LocalGovernment],
    people: dict[str, Person],
) -> list[tuple[str, str, str]]:
    _account(ADMIN_EMAIL, superuser=True)
    listed = [(ADMIN_EMAIL, "platform administrator", "PeerLearn")]
    for local, role, scope in ACCOUNTS:
        email = f"{local}@peerlearn.example"
        user = _account(email)
        if role == "coordinator":
            association = associations[scope]
            RoleAssignment.objects.get_or_create(
                user=user, role=Role.COORDINATOR, association=association
            )
            _upsert(
                Person,
                {"user": user},
                {
                    "name": f"{association.acronym} Programme Coordinator",
                    "association": association,
                    "local_government": None,
                    "role": PersonRole.EMPLOYEE,
                    "position": "Programme coordinator",
                    "email": email,
                },
            )
            listed.append((email, "coordinator", association.acronym))
            continue
        lg = lgs[scope]
        if role == "focal_point":
            RoleAssignment.objects.get_or_create(
                user=user, role=Role.FOCAL_POINT, local_government=lg
            )
        # The focal point or member is the first demo person of their local
        # government, so that their profile has expertise to show.
        person = next(p for p in people.values() if p.local_government_id == lg.pk)
        if person.user_id != user.pk:
            Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
            person.user = user
            person.save(update_fields=["user"])
        listed.append((email, role.replace("_", " "), lg.name))
    return listed
