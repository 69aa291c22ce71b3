# ruff: noqa: E501 - tables of demo records read best one field per line, texts unbroken
"""The records of the seek & offer demo (`peerlearn.exchanges.demo`).

MMU's MENTOR programme as the seed describes its first two years (July 2020 –
August 2022): 53 experts from 13 member municipalities, 14 local governments
seeking help on 37 subjects, 24 meetings held by August 2022, and two mentee
municipalities that began preparing their Voluntary Local Reviews. Plus one
APLA example: Hebron mentoring municipalities of the Hebron and Bethlehem
governorates on open-source GIS.

Places and facts are real; every person is fictional and none is named in the
seeds. The texts are the people's own words (Turkish mostly, some English and
Arabic): they are data, not interface text, and are not translated.

Dates are ISO dates ("2021-02-18", optionally with " HH:MM" local time) or
relative to the day the demo is loaded ("now-20", "now+7 14:00"), so that the
demo always has recent activity and meetings to come."""

from __future__ import annotations

from typing import NamedTuple

# The programmes of the directory demo (association acronym, programme slug).
MENTOR = ("MMU", "mentor")
HUBS = ("APLA", "technical-exchange-hubs")


class Place(NamedTuple):
    """A local government the directory demo does not have yet."""

    name: str
    name_local: str
    kind: str
    region: str
    population: int
    departments: str
    country: str = "TR"
    languages: str = "tr"
    association: str = "MMU"


class Contact(NamedTuple):
    """A person who asks for help (or is sent on a staff exchange)."""

    key: str
    lg: str  # slug of the local government
    name: str
    position: str
    department: str
    languages: str
    focal_point: bool = True
    account: str = ""  # local part of a demo account listed by `make run`


class Expert(NamedTuple):
    """An expert and their offer of expertise (one offer per expert)."""

    key: str
    lg: str
    name: str
    position: str
    department: str
    languages: str
    topics: str
    years: int
    capacity: int
    modes: str  # online | in_person | both
    reach: str  # r(egion) c(ountry) a(broad)
    visits: str  # h(osts visits) t(ravels)
    submitted: str
    description: str
    text_language: str = "tr"
    account: str = ""
    programme: tuple[str, str] = MENTOR


class NeedRow(NamedTuple):
    key: str
    lg: str
    contact: str
    title: str
    topics: str
    submitted: str
    problem: str
    outcome: str
    baseline: str
    why_learn: str
    why_share: str
    days_for_learning: int
    days_to_implement: int
    staff_involved: int
    kind: str = "mentoring"
    modality: str = "either"
    scope: str = "national"
    languages: str = "tr"
    text_language: str = "tr"
    requires_equivalence: bool = False
    urgency: str = "normal"
    staff_can_travel: bool = False
    site_visit_wanted: bool = False
    part_of_their_job: bool = True
    funding_learning: str = "own"
    funding_applying: str = "own"
    interpretation: bool = False
    language_needs: str = ""
    also_for: str = ""
    programme: tuple[str, str] = MENTOR


class Action(NamedTuple):
    description: str
    owner: str  # seeking | offering
    due: str
    done: str = ""


class MeetingRow(NamedTuple):
    title: str
    starts: str
    minutes_long: int
    where: str  # "online" or a place
    agenda: str
    minutes: str = ""
    status: str = "held"  # held | planned | cancelled
    actions: tuple[Action, ...] = ()
    time_zone: str = "Europe/Istanbul"
    scheduled: str = ""  # when it was put in the calendar (default: two weeks before)


class Activity(NamedTuple):
    title: str
    starts: str
    ends: str
    result: str
    side: str
    status: str


class EndorsementRow(NamedTuple):
    side: str
    endorsed_by: str
    on: str


class StaffRow(NamedTuple):
    staff: str  # Contact key
    starts: str
    ends: str
    purpose: str
    requested: str
    home_approved: str = ""
    host_approved: str = ""


class Feedback(NamedTuple):
    side: str
    on: str
    achieved: str
    changed: str
    again: bool
    usefulness: int
    relationship: int
    organisation: int


class Note(NamedTuple):
    on: str
    summary: str
    worked: str
    did_not: str


class Answer(NamedTuple):
    side: str
    accept: bool
    on: str
    reason: str = ""


class Story(NamedTuple):
    """One need–offer pair chosen by the coordinator, and all that followed."""

    need: str
    offer: str
    run: str
    approved: str
    published: str = ""
    answers: tuple[Answer, ...] = ()
    self_managed: str = ""  # when the two sides chose to go on alone
    meetings: tuple[MeetingRow, ...] = ()
    phases: tuple[tuple[str, str], ...] = ()
    activities: tuple[Activity, ...] = ()
    endorsements: tuple[EndorsementRow, ...] = ()
    staff: tuple[StaffRow, ...] = ()
    note: Note | None = None
    closed: str = ""
    feedback: tuple[Feedback, ...] = ()


# fmt: off
# Real Marmara municipalities (members of MMU) that sought help in MENTOR;
# populations are rounded figures for the municipality.
PLACES: list[Place] = [
    Place("Edirne Municipality", "Edirne Belediyesi", "municipality", "Marmara", 185000, "planning_engineering disaster_management culture_tourism"),
    Place("Kırklareli Municipality", "Kırklareli Belediyesi", "municipality", "Marmara", 80000, "environment finance"),
    Place("Çanakkale Municipality", "Çanakkale Belediyesi", "municipality", "Marmara", 200000, "foreign_relations environment planning_engineering"),
    Place("Bilecik Municipality", "Bilecik Belediyesi", "municipality", "Marmara", 80000, "human_resources finance disaster_management"),
    Place("Tuzla Municipality", "Tuzla Belediyesi", "district", "Marmara", 290000, "foreign_relations disaster_management ict"),
    Place("Pendik Municipality", "Pendik Belediyesi", "district", "Marmara", 740000, "planning_engineering social_development foreign_relations"),
    Place("Kartal Municipality", "Kartal Belediyesi", "district", "Marmara", 480000, "disaster_management human_resources"),
    Place("Esenyurt Municipality", "Esenyurt Belediyesi", "district", "Marmara", 980000, "social_development planning_engineering"),
    Place("Çorlu Municipality", "Çorlu Belediyesi", "district", "Marmara", 290000, "environment planning_engineering"),
    Place("Darıca Municipality", "Darıca Belediyesi", "district", "Marmara", 220000, "finance disaster_management"),
    Place("İnegöl Municipality", "İnegöl Belediyesi", "district", "Marmara", 290000, "environment finance"),
    Place("Gemlik Municipality", "Gemlik Belediyesi", "district", "Marmara", 120000, "environment planning_engineering"),
]

# MENTOR expanded abroad: these partners join the programme itself.
MENTOR_PARTNERS_ABROAD = ("nablus-municipality", "kisumu-city")

CONTACTS: list[Contact] = [
    Contact("edirne", "edirne-municipality", "Gülay Sezer", "Strateji Geliştirme Müdürü", "planning_engineering", "tr en"),
    Contact("kirklareli", "kirklareli-municipality", "Hüseyin Tunç", "Dış İlişkiler Birimi Sorumlusu", "finance", "tr"),
    Contact("canakkale", "canakkale-municipality", "Nilay Ergin", "Dış İlişkiler Müdürü", "foreign_relations", "tr en", account="focalpoint.canakkale"),
    Contact("bilecik", "bilecik-municipality", "Okan Yalçın", "Strateji Geliştirme Müdürü", "human_resources", "tr"),
    Contact("tuzla", "tuzla-municipality", "Sevda Kocabaş", "Strateji Geliştirme Uzmanı", "foreign_relations", "tr en"),
    Contact("pendik", "pendik-municipality", "Taner Aslan", "Dış İlişkiler Müdürü", "foreign_relations", "tr en"),
    Contact("kartal", "kartal-municipality", "Berna Akgül", "Dış İlişkiler ve Proje Müdürü", "disaster_management", "tr en"),
    Contact("esenyurt", "esenyurt-municipality", "Ferhat Yurt", "Dış İlişkiler ve Proje Koordinatörü", "social_development", "tr en"),
    Contact("corlu", "corlu-municipality", "İlknur Çakır", "Çevre Koruma ve Kontrol Müdürü", "environment", "tr"),
    Contact("darica", "darica-municipality", "Metin Uzun", "Strateji Geliştirme Müdürü", "finance", "tr"),
    Contact("inegol", "inegol-municipality", "Aylin Karataş", "Strateji Geliştirme Müdürü", "finance", "tr en"),
    Contact("gemlik", "gemlik-municipality", "Cihan Erbay", "Dış İlişkiler Sorumlusu", "environment", "tr"),
    Contact("nablus", "nablus-municipality", "Hazem Kanaan", "رئيس وحدة العلاقات الدولية", "foreign_relations", "ar en"),
    Contact("kisumu", "kisumu-city", "Millicent Adhiambo", "Head of Partnerships and External Relations", "foreign_relations", "en sw"),
    # Staff sent on staff exchanges (no account of their own).
    Contact("esenyurt-staff", "esenyurt-municipality", "Gamze Korkmaz", "Sosyal Çalışmacı", "social_development", "tr", focal_point=False),
    Contact("pendik-staff", "pendik-municipality", "Volkan Sağlam", "Sosyal Hizmet Uzmanı", "social_development", "tr ar", focal_point=False),
    # APLA: GIS engineers of Bethlehem and Beit Sahour, asking for their municipality.
    Contact("bethlehem", "bethlehem-municipality", "Ruba Mansour", "مهندسة التخطيط", "planning_engineering", "ar en", focal_point=False),
    Contact("beit-sahour", "beit-sahour-municipality", "Fadi Hijazi", "مهندس المساحة", "planning_engineering", "ar", focal_point=False),
]

_IBB = "istanbul-metropolitan-municipality"
_KOCAELI = "kocaeli-metropolitan-municipality"
_BURSA = "bursa-metropolitan-municipality"
_SAKARYA = "sakarya-metropolitan-municipality"
_TEKIRDAG = "tekirdag-metropolitan-municipality"
_BALIKESIR = "balikesir-metropolitan-municipality"
_YALOVA = "yalova-municipality"
_SULTANBEYLI = "sultanbeyli-municipality"
_KADIKOY = "kadikoy-municipality"
_MALTEPE = "maltepe-municipality"
_NILUFER = "nilufer-municipality"
_GEBZE = "gebze-municipality"
_SULEYMANPASA = "suleymanpasa-municipality"

# The pool: 53 experts of 13 MMU member municipalities.
EXPERTS: list[Expert] = [
    # Istanbul Metropolitan Municipality (7)
    Expert("ibb-deprem", _IBB, "Ahmet Karaca", "Deprem Risk Yönetimi Şube Müdürü", "disaster_management", "tr en", "disaster.earthquake disaster.risk_mapping", 16, 3, "both", "rca", "ht", "2020-07-20",
           "İBB'nin deprem risk yönetimi biriminde 16 yıldır çalışıyorum. İstanbul'daki toplanma alanlarının sahada doğrulanması, mahalle afet gönüllülerinin eğitimi ve ilçe belediyeleriyle ortak tatbikatların planlanmasında görev aldım. Deprem senaryosuna dayalı risk haritalarının belediye birimlerince imar ve yatırım kararlarında kullanılmasını sağlayan iş akışlarını kurduk.",
           account="expert.istanbul"),
    Expert("ibb-ulasim", _IBB, "Merve Tekin", "Ulaşım Planlama Uzmanı", "planning_engineering", "tr en", "mobility.public_transport", 9, 2, "both", "rc", "h", "2020-07-23",
           "Toplu taşıma hat planlaması ve durak yerleşimi üzerine çalışıyorum. Yeni yerleşim alanlarında yolcu talebini akıllı kart verileriyle analiz ederek hat güzergâhlarını yeniden düzenledik; aktarma sürelerini kısaltan bir durak standardı hazırladık."),
    Expert("ibb-otopark", _IBB, "Caner Polat", "Trafik ve Otopark Planlama Şefi", "planning_engineering", "tr", "mobility.parking mobility.traffic_safety", 11, 2, "both", "rc", "t", "2020-08-25",
           "Otopark planlaması ve trafik düzenlemesi alanında 11 yıllık deneyimim var. Yol kenarı ücretli otopark uygulamasının tasarımı, tarife bölgelerinin belirlenmesi ve doluluk verisine göre fiyatlandırma konularında ilçelere destek verdim. Okul çevrelerinde trafik güvenliği düzenlemeleri de yaptım."),
    Expert("ibb-imar", _IBB, "Sibel Güneş", "Şehir Plancısı", "planning_engineering", "tr en", "planning.master_plan participation.consultation", 14, 1, "both", "rc", "", "2020-09-07",
           "Nazım ve uygulama imar planlarının hazırlanması ve revizyonunda 14 yıldır çalışıyorum. Kentsel dönüşüm alanlarında plan değişikliklerinin hak sahipleriyle paylaşılması için mahalle bazlı bilgilendirme ve danışma toplantıları yürüttüm."),
    Expert("ibb-iklim", _IBB, "Deniz Ünal", "Climate Change Specialist", "environment", "en tr", "environment.climate_adaptation environment.energy", 8, 2, "online", "rca", "", "2020-10-05",
           "I coordinate climate adaptation work in the metropolitan municipality: heat and flood risk assessment at neighbourhood level, green infrastructure pilots and the monitoring framework of the climate action plan. I have trained district municipality teams to prepare their first adaptation action plans and can share templates, indicator sets and lessons from public consultation.",
           text_language="en"),
    Expert("ibb-goc", _IBB, "Nazlı Çınar", "Göç ve Uyum Koordinatörü", "social_development", "tr en ar", "migration.cohesion migration.services", 7, 2, "both", "rca", "h", "2021-02-01",
           "Göç ve uyum alanında ilçe belediyeleri, sivil toplum ve uluslararası kuruluşlarla koordinasyonu yürütüyorum. Göçmen danışma masalarının kurulması, tercüman destekli hizmet sunumu ve mahalle ölçeğinde sosyal uyum etkinlikleri konusunda deneyimim var."),
    Expert("ibb-veri", _IBB, "Kaan Işık", "Open Data and Smart City Specialist", "ict", "en tr", "digital.open_data digital.eservices", 6, 2, "online", "rca", "", "2021-04-12",
           "I work on the city's open data portal and e-services. I led the publication of more than a hundred datasets with their owners across departments and set up the data-quality checklist used before anything is published. I can help a municipality choose its first datasets, write an open data policy and link it to its e-service channels.",
           text_language="en"),
    # Kocaeli Metropolitan Municipality (5)
    Expert("kocaeli-deprem", _KOCAELI, "Hülya Aksoy", "Disaster Management Specialist", "disaster_management", "tr en", "disaster.earthquake disaster.emergency_response", 22, 2, "both", "rca", "ht", "2020-07-21",
           "I have worked in disaster management for 22 years, starting with the recovery after the 1999 Marmara earthquake. I coordinate the metropolitan municipality's earthquake preparedness work: rapid visual screening of buildings, emergency assembly areas and joint drills with the district municipalities. I can work in English and share our screening forms and training material.",
           text_language="en"),
    Expert("kocaeli-atik", _KOCAELI, "Murat Bozkurt", "Atık Yönetimi Şube Müdürü", "environment", "tr", "environment.solid_waste", 15, 2, "both", "rc", "h", "2020-07-30",
           "Entegre katı atık yönetimi, aktarma istasyonlarının işletilmesi ve ilçelerle ortak toplama sözleşmeleri konusunda 15 yıllık deneyimim var. Kaynağında ayrı toplama için mahalle bazlı pilot uygulamalar tasarladık ve geri kazanım oranlarını düzenli olarak raporluyoruz."),
    Expert("kocaeli-atiksu", _KOCAELI, "Esin Duman", "Çevre Mühendisi, Atıksu Arıtma", "water_sanitation", "tr en", "environment.water_wastewater", 12, 1, "both", "rc", "h", "2020-09-14",
           "Büyük ölçekli atıksu arıtma tesislerinin işletilmesi ve endüstriyel deşarjların izlenmesi konularında çalışıyorum. Deşarj izin belgelerinin takibi ve numune alma programlarının planlanmasında deneyim paylaşabilirim."),
    Expert("kocaeli-acil", _KOCAELI, "Tolga Uçar", "İtfaiye ve Acil Durum Koordinatörü", "disaster_management", "tr", "disaster.emergency_response", 18, 1, "both", "rc", "ht", "2020-08-17",
           "İtfaiye ve acil durum yönetiminde 18 yıldır görevdeyim. Belediye acil durum planlarının hazırlanması, ekiplerin olay komuta sistemine göre örgütlenmesi ve sanayi tesisleriyle ortak tatbikatlar konusunda destek verebilirim."),
    Expert("kocaeli-cbs", _KOCAELI, "Burcu Yavuz", "CBS Şube Müdürü", "ict", "tr en", "planning.gis digital.open_data", 13, 2, "online", "rca", "", "2020-10-19",
           "Kent bilgi sisteminin kurulması ve belediye birimlerinin ortak bir mekânsal veri tabanını kullanması üzerine 13 yıldır çalışıyorum. Adres, numarataj ve altyapı katmanlarının güncel tutulması için birimler arası veri sorumlulukları tanımladık; verilerin bir kısmını açık veri olarak yayımlıyoruz."),
    # Bursa Metropolitan Municipality (5)
    Expert("bursa-toplu", _BURSA, "Levent Coşkun", "Public Transport Planning Manager", "planning_engineering", "tr en", "mobility.public_transport", 17, 2, "both", "rca", "ht", "2020-09-28",
           "I manage public transport planning in a metropolitan area of three million people: network redesign, feeder bus lines to the light rail and bringing minibus operators into a single fare system. I can share how we negotiated with private operators and how we used ticketing data to plan routes and stops.",
           text_language="en"),
    Expert("bursa-tarihi", _BURSA, "Ebru Kalkan", "Tarihi Çevre Koruma Uzmanı", "culture_tourism", "tr en", "culture.heritage economy.tourism", 10, 1, "both", "rc", "h", "2021-01-11",
           "Tarihi çarşı ve hanlar bölgesinde koruma amaçlı imar planı uygulamaları ve cephe sağlıklaştırma projelerinde görev aldım. Tarihi çevrede esnaf ve mülk sahipleriyle yürütülen katılım süreçleri hakkında deneyim aktarabilirim."),
    Expert("bursa-cbs", _BURSA, "Gökhan Tuna", "Kent Bilgi Sistemi Sorumlusu", "planning_engineering", "tr", "planning.gis", 9, 2, "both", "rc", "t", "2020-11-09",
           "Kent bilgi sistemi altyapısında veri modelleme ve web tabanlı harita uygulamaları geliştiriyorum. İlçe belediyelerine numarataj ve imar katmanlarını ortak standartta üretmeleri için eğitim verdim."),
    Expert("bursa-butce", _BURSA, "Aslı Yücel", "Bütçe ve Performans Şefi", "finance", "tr", "finance.budgeting finance.cost_centres", 12, 2, "online", "rc", "", "2020-08-06",
           "Performans esaslı bütçe hazırlığı, performans programının bütçeyle ilişkilendirilmesi ve maliyet analizleri üzerine çalışıyorum. Hizmet birimleri için maliyet merkezleri tanımlayarak birim maliyet raporları hazırladık."),
    Expert("bursa-bisiklet", _BURSA, "Umut Keskin", "Bisiklet Yolları Proje Sorumlusu", "planning_engineering", "tr en", "mobility.active", 6, 1, "both", "rc", "ht", "2021-05-17",
           "Bisiklet yolu ağının planlanması ve uygulama projelerinde çalışıyorum. Sahil ve üniversite aksında kesintisiz bir bisiklet güzergâhı oluşturduk; kavşak tasarım detaylarını ve kullanıcı sayımlarını paylaşabilirim."),
    # Sakarya Metropolitan Municipality (4)
    Expert("sakarya-taskin", _SAKARYA, "Orhan Turan", "Taşkın Risk Yönetimi Uzmanı", "disaster_management", "tr", "disaster.flood disaster.risk_mapping", 19, 1, "both", "rc", "h", "2020-07-28",
           "Sakarya Nehri ve kolları boyunca taşkın riskinin yönetimi üzerine 19 yıldır çalışıyorum. Taşkın erken uyarı sisteminin kurulmasında, DSİ ve valilikle ortak müdahale protokolünde ve taşkın riskli alanların imar planlarına işlenmesinde görev aldım."),
    Expert("sakarya-acil", _SAKARYA, "Canan Erol", "Afet Koordinasyon Merkezi Sorumlusu", "disaster_management", "tr", "disaster.emergency_response", 11, 1, "online", "rca", "", "2020-08-12",
           "Afet koordinasyon merkezinde vardiya düzeni, ihbar ve kaynak yönetimi süreçlerini yürütüyorum. Belediye ekiplerinin acil durumlarda AFAD ile koordinasyonuna ilişkin iş akışlarını hazırladım."),
    Expert("sakarya-enerji", _SAKARYA, "Selim Akın", "Enerji Yöneticisi", "environment", "tr en", "environment.energy", 8, 2, "online", "rc", "", "2021-03-15",
           "Belediye binalarında enerji etütleri, aydınlatma dönüşümü ve enerji tüketim izleme sisteminin kurulması konularında çalışıyorum. Hizmet binalarında tüketimi izlemek için sade bir ölçüm ve raporlama düzeni kurduk."),
    Expert("sakarya-gelir", _SAKARYA, "Tuğba Ekinci", "Gelirler Müdürü", "finance", "tr", "finance.revenue", 20, 1, "online", "rc", "", "2020-08-10",
           "Gelir müdürlüğünde 20 yıllık deneyimim var. Emlak vergisi mükellef kayıtlarının güncellenmesi, tahsilatın artırılması için SMS ve e-tahsilat kanalları ile kira gelirlerinin takibi konularında destek verebilirim."),
    # Tekirdağ Metropolitan Municipality (4)
    Expert("tekirdag-ergene", _TEKIRDAG, "Cem Oral", "Atıksu Arıtma Tesisleri Müdürü", "water_sanitation", "tr", "environment.water_wastewater", 15, 1, "both", "r", "h", "2021-10-11",
           "Ergene Havzası'ndaki atıksu arıtma tesislerinin işletmesinden sorumluyum. Organize sanayi bölgeleri dışındaki sanayi tesislerinin deşarjlarının izlenmesi, çevrim içi izleme istasyonları ve numune programları konularında deneyim paylaşabilirim."),
    Expert("tekirdag-plan", _TEKIRDAG, "Dilek Savaş", "Şehir Plancısı", "planning_engineering", "tr", "planning.master_plan planning.bylaws", 11, 2, "both", "rc", "t", "2020-09-21",
           "İlçe belediyelerinin imar planı değişiklik tekliflerinin incelenmesi ve plan notlarının standartlaştırılması üzerinde çalışıyorum. Yapı ruhsatı süreçlerinde plan uyum kontrolleri için kontrol listeleri hazırladık."),
    Expert("tekirdag-atik", _TEKIRDAG, "Barış Toprak", "Sıfır Atık Koordinatörü", "environment", "tr", "environment.solid_waste", 7, 2, "both", "rc", "ht", "2021-02-22",
           "Sıfır atık uygulamalarının ilçelerde yaygınlaştırılmasını koordine ediyorum. Okul, kamu binası ve mahalle ölçeğinde ayrı toplama, atık getirme merkezleri ve bilgilendirme kampanyalarında deneyimim var."),
    Expert("tekirdag-egitim", _TEKIRDAG, "Şule Demirci", "Hizmet İçi Eğitim Sorumlusu", "human_resources", "tr", "hr.training", 9, 2, "online", "rc", "", "2020-11-23",
           "Hizmet içi eğitim programlarının eğitim ihtiyaç analizine dayalı planlanması ve uzaktan eğitim platformunun işletilmesi konularında çalışıyorum."),
    # Balıkesir Metropolitan Municipality (4)
    Expert("balikesir-tarim", _BALIKESIR, "Yusuf Kurt", "Ziraat Mühendisi, Kırsal Hizmetler", "environment", "tr", "economy.agriculture", 14, 2, "both", "rc", "h", "2020-08-31",
           "Kırsal kalkınma projelerinde üretici birlikleriyle çalışıyorum. Tohum ve fide desteklerinin planlanması, kooperatiflerin pazara erişimi ve yerel ürünlerin belediye satış noktalarında değerlendirilmesi konularında deneyimim var."),
    Expert("balikesir-deprem", _BALIKESIR, "Melike Avcı", "Afet Risk Azaltma Uzmanı", "disaster_management", "tr", "disaster.earthquake disaster.risk_mapping", 8, 1, "both", "rc", "t", "2021-06-07",
           "Afet risk azaltma planı hazırlığında ve mahalle bazlı tehlike haritalarının üretilmesinde görev aldım. Jeolojik ve jeoteknik etüt verilerinin imar planlarına aktarılması konusunda destek olabilirim."),
    Expert("balikesir-ges", _BALIKESIR, "Halil Ateş", "Enerji Verimliliği Mühendisi", "environment", "tr en", "environment.energy", 10, 2, "both", "rc", "h", "2021-09-20",
           "Belediye tesislerinin çatılarında ve arazide güneş enerjisi santrali projelerinin fizibilite, ihale ve işletme süreçlerini yürüttüm. Enerji verimliliği etütleri ve mahsuplaşma süreçleri konusunda bilgi paylaşabilirim."),
    Expert("balikesir-ihale", _BALIKESIR, "Özlem Kaplan", "İhale Birimi Sorumlusu", "finance", "tr", "finance.procurement", 16, 1, "online", "rc", "", "2021-02-08",
           "Kamu ihale mevzuatı kapsamında mal ve hizmet alımlarının planlanması, EKAP üzerinden e-ihale ve sözleşme yönetimi konularında 16 yıllık deneyimim var. Yalnızca çevrim içi destek verebilirim."),
    # Yalova Municipality (3)
    Expert("yalova-deprem", _YALOVA, "İbrahim Güler", "Yapı Kontrol Müdürü", "planning_engineering", "tr", "disaster.earthquake planning.bylaws", 24, 1, "both", "rc", "ht", "2020-08-03",
           "1999 depreminden bu yana yapı denetimi ve yapı kontrol alanında çalışıyorum. Riskli yapı tespitine yönelik bina envanteri, hızlı tarama formları ve kentsel dönüşüm önceliklendirmesi konularında belediyelere destek verdim."),
    Expert("yalova-ebys", _YALOVA, "Hatice Uysal", "Yazı İşleri Müdürü", "human_resources", "tr", "hr.procedures", 13, 2, "online", "rc", "", "2020-10-12",
           "Elektronik belge yönetim sistemine geçiş, standart dosya planı ve arşiv düzenlemesi süreçlerini yönettim. Birimlerin yazışma ve arşiv iş akışlarını sadeleştirdik."),
    Expert("yalova-atik", _YALOVA, "Alper Sarı", "Temizlik İşleri Müdürü", "environment", "tr", "environment.solid_waste", 10, 1, "both", "r", "h", "2021-05-24",
           "Temizlik işleri ve katı atık toplama hizmetlerinin planlanmasında çalışıyorum. Toplama güzergâhlarının optimizasyonu ve konteyner yerleşimi konusunda deneyim paylaşabilirim."),
    # Sultanbeyli Municipality (4)
    Expert("sultanbeyli-goc", _SULTANBEYLI, "Emine Altun", "Migration and Social Support Coordinator", "social_development", "tr ar en", "migration.services migration.integration", 9, 2, "both", "rca", "ht", "2020-07-22",
           "I coordinate the municipality's migration and social support services in a district where a large share of residents are refugees. We run a one-stop centre for registration, referral, psychosocial support and legal counselling with partner organisations. I work in Turkish, Arabic and English and have hosted delegations from municipalities in Türkiye and abroad.",
           text_language="en"),
    Expert("sultanbeyli-uyum", _SULTANBEYLI, "Bülent Zengin", "İstihdam ve Uyum Birimi Sorumlusu", "social_development", "tr ar", "migration.integration", 7, 2, "both", "rca", "h", "2020-09-02",
           "Göçmenlerin dil eğitimi ve istihdama yönlendirilmesi için kurduğumuz birimi yönetiyorum. Türkçe kursları, meslek edindirme ve işverenlerle eşleştirme programlarında deneyimim var; Arapça da çalışabilirim."),
    Expert("sultanbeyli-sosyal", _SULTANBEYLI, "Yasemin Cömert", "Sosyal Uyum Uzmanı", "social_development", "tr en", "migration.cohesion", 6, 2, "both", "rc", "h", "2021-03-22",
           "Göçmenlerle yerel halk arasında sosyal uyumu güçlendiren mahalle buluşmaları, kadın ve gençlik gruplarıyla ortak etkinlikler tasarlıyorum. Uyum programlarının izlenmesi için sade göstergeler geliştirdik."),
    Expert("sultanbeyli-iletisim", _SULTANBEYLI, "Erdem Taş", "Çözüm Merkezi Şefi", "public_relations", "tr", "communication.citizen_relations", 8, 1, "online", "rc", "", "2021-11-08",
           "Çözüm merkezi (Beyaz Masa) üzerinden vatandaş talep ve şikâyetlerinin tek noktadan alınması, birimlere yönlendirilmesi ve geri bildirim süreçlerini yönetiyorum."),
    # Kadıköy Municipality (5)
    Expert("kadikoy-vlr", _KADIKOY, "İpek Gündoğdu", "Strategic Planning and SDG Specialist", "social_development", "tr en", "sdg.vlr sdg.indicators", 7, 1, "both", "rca", "h", "2020-11-16",
           "I was part of the team that prepared our municipality's Voluntary Local Review: mapping the strategic plan to the SDGs, choosing indicators with the departments, consulting stakeholders and writing the report. I can guide a team through the whole VLR process, from the data inventory to the final review, and share our templates.",
           text_language="en"),
    Expert("kadikoy-ska", _KADIKOY, "Sinan Karakaya", "Strateji Geliştirme Müdürü", "social_development", "tr en", "sdg.planning_alignment finance.budgeting", 12, 2, "online", "rc", "", "2021-06-01",
           "Stratejik plan ve performans programının Sürdürülebilir Kalkınma Amaçları ile ilişkilendirilmesi çalışmalarını yönetiyorum. Bütçe kalemlerinin SKA hedefleriyle etiketlenmesi için bir yöntem geliştirdik."),
    Expert("kadikoy-katilim", _KADIKOY, "Ceren Bulut", "Katılımcı Bütçe Koordinatörü", "social_development", "tr en", "participation.participatory_budgeting participation.consultation", 6, 2, "both", "rc", "h", "2021-01-25",
           "Katılımcı bütçe sürecinin tasarımı, mahalle toplantıları ve çevrim içi oylama konularında deneyimim var. Kent konseyi ve mahalle meclisleriyle birlikte çalışıyoruz."),
    Expert("kadikoy-iklim", _KADIKOY, "Volkan Eren", "İklim ve Çevre Uzmanı", "environment", "tr en", "environment.climate_adaptation", 9, 1, "online", "rca", "", "2021-04-26",
           "İklim eylem planının hazırlanması ve sera gazı envanteri konularında çalışıyorum. Kıyı alanlarında sıcak hava dalgası ve su baskını riskine yönelik uyum önlemleri geliştirdik."),
    Expert("kadikoy-bisiklet", _KADIKOY, "Damla Özkan", "Ulaşım Planlama Uzmanı", "planning_engineering", "tr en", "mobility.active mobility.traffic_safety", 5, 2, "both", "rc", "ht", "2021-09-06",
           "Bisiklet yolu ve paylaşımlı sokak projelerinin planlanmasında ve mahalleliyle yürütülen katılım süreçlerinde çalıştım. Yoğun kent merkezinde bisiklet park yerleri ve güvenli kavşak düzenlemeleri tasarladık."),
    # Maltepe Municipality (3)
    Expert("maltepe-egitim", _MALTEPE, "Gülşen Yıldız", "Eğitim ve Gelişim Şefi", "human_resources", "tr", "hr.training", 11, 2, "both", "rc", "h", "2020-10-26",
           "Hizmet içi eğitim planlaması ve eğitimlerin işe etkisinin ölçülmesi konularında 11 yıldır çalışıyorum. Yeni başlayan personel için bir oryantasyon programı hazırladık."),
    Expert("maltepe-performans", _MALTEPE, "Ali Kılıç", "İnsan Kaynakları ve Eğitim Müdürü", "human_resources", "tr", "hr.recruitment_performance hr.procedures", 15, 1, "both", "rc", "h", "2020-07-24",
           "İnsan kaynakları planlaması, görev tanımları ve yetkinlik bazlı performans değerlendirme sistemi kurulması konularında 15 yıllık deneyimim var. Belediyemizde görev tanımlarını tüm birimler için yeniledik ve bir yetkinlik sözlüğü hazırladık."),
    Expert("maltepe-beyazmasa", _MALTEPE, "Fatma Acar", "Beyaz Masa Sorumlusu", "public_relations", "tr", "communication.citizen_relations", 10, 1, "both", "rc", "h", "2021-07-12",
           "Beyaz Masa'nın kurulması ve vatandaş taleplerinin çağrı merkezi, mobil uygulama ve sosyal medya kanallarından tek sistemde toplanması sürecini yürüttüm."),
    # Nilüfer Municipality (4)
    Expert("nilufer-vlr", _NILUFER, "Cengiz Yıldırım", "SDG and Sustainability Coordinator", "environment", "tr en", "sdg.vlr sdg.indicators", 8, 2, "both", "rca", "h", "2020-12-01",
           "I coordinate sustainability and SDG work in our municipality: the local SDG indicator set, annual sustainability reporting and the Voluntary Local Review. I have presented our approach at national workshops and can mentor a team that wants to prepare a first VLR or build a local indicator system.",
           text_language="en"),
    Expert("nilufer-iklim", _NILUFER, "Ece Ulusoy", "İklim Eylem Planı Sorumlusu", "environment", "tr en", "environment.climate_adaptation", 7, 2, "both", "rc", "h", "2021-08-16",
           "İklim değişikliği eylem planının hazırlanmasında ve uyum önlemlerinin izlenmesinde görev aldım. Kentsel ısı adası etkisini azaltmaya yönelik ağaçlandırma ve yeşil çatı pilotları uyguladık."),
    Expert("nilufer-sifiratik", _NILUFER, "Tayfun Aydemir", "Sıfır Atık ve Geri Dönüşüm Şefi", "environment", "tr", "environment.solid_waste", 11, 2, "both", "rc", "h", "2020-09-09",
           "Sıfır atık yönetim sisteminin belediye binalarında ve mahallelerde kurulması, ambalaj atıklarının ayrı toplanması ve kompost uygulamaları konusunda deneyimim var."),
    Expert("nilufer-enerji", _NILUFER, "Buse Kahraman", "Enerji Yönetim Birimi Mühendisi", "environment", "tr en", "environment.energy", 6, 1, "online", "rc", "", "2022-01-17",
           "Belediye binalarında enerji tüketiminin izlenmesi ve enerji verimliliği projeleri üzerinde çalışıyorum. Aydınlatma dönüşümü ve bina yalıtımı projelerinde tasarruf hesaplarını yaptım."),
    # Gebze Municipality (3)
    Expert("gebze-ebelediye", _GEBZE, "Serdar Akbulut", "Bilgi İşlem Müdürü", "ict", "tr en", "digital.eservices hr.procedures", 14, 2, "online", "rc", "", "2020-08-19",
           "E-belediye hizmetlerinin geliştirilmesi, başvuruların çevrim içi alınması ve e-Devlet entegrasyonu konularında 14 yıldır çalışıyorum. İmar ve ruhsat başvurularını tek bir başvuru noktasından almaya başladık."),
    Expert("gebze-ruhsat", _GEBZE, "Nur Ertekin", "Yapı Ruhsat Şefi", "planning_engineering", "tr", "planning.bylaws", 12, 1, "both", "rc", "h", "2020-11-30",
           "Yapı ruhsatı ve iskân süreçlerinin yönetimi, kaçak yapılaşmanın tespiti ve yapı denetim kuruluşlarıyla koordinasyon konularında deneyim paylaşabilirim."),
    Expert("gebze-cbs", _GEBZE, "Oğuz Kocaman", "CBS Uzmanı", "planning_engineering", "tr", "planning.gis", 8, 2, "both", "rc", "ht", "2021-10-04",
           "Belediyemizin CBS birimini kurma sürecinde görev aldım. Altlık haritaların sayısallaştırılması, numarataj verisinin güncellenmesi ve birimlerin harita servislerini kullanması konularında destek verebilirim."),
    # Süleymanpaşa Municipality (2)
    Expert("suleymanpasa-ihale", _SULEYMANPASA, "Tuncay Öztekin", "Destek Hizmetleri Müdürü", "finance", "tr", "finance.procurement finance.anticorruption", 17, 2, "both", "rc", "ht", "2020-12-14",
           "Doğrudan temin ve ihale süreçlerinin planlanması, yaklaşık maliyet hesaplamaları ve sözleşme yönetimi konularında 17 yıllık deneyimim var. İhale süreçlerinde şeffaflığı artıran iç kontrol adımları geliştirdik."),
    Expert("suleymanpasa-gelir", _SULEYMANPASA, "Hande Çoban", "Gelir Şefi", "finance", "tr", "finance.revenue", 13, 2, "online", "rc", "", "2021-03-29",
           "Emlak vergisi ve çevre temizlik vergisi tahakkuk ve tahsilat süreçlerinde çalışıyorum. Mükellef veritabanını tapu kayıtlarıyla eşleştirerek tahsilat oranını artırdık."),
    # APLA, Municipal Technical Exchange Hubs: Hebron's open-source GIS mentor.
    Expert("hebron-gis", "hebron-municipality", "Iyad Zeidan", "مسؤول نظم المعلومات الجغرافية", "ict", "ar en", "digital.open_source planning.gis", 11, 3, "both", "rc", "ht", "2020-11-02",
           "أعمل في وحدة نظم المعلومات الجغرافية في بلدية الخليل منذ 11 عاماً. شاركت في بناء نظام معلومات جغرافية بلدي يعتمد بالكامل على برمجيات مفتوحة المصدر (QGIS وPostGIS وGeoServer)، وفي رقمنة المخططات الهيكلية وبيانات الأراضي وربطها بأنظمة الترخيص والجباية. أستطيع تدريب فرق البلديات الأخرى ومرافقتها في إنشاء نظامها بطريقة مستدامة ومنخفضة التكلفة.",
           text_language="ar", programme=HUBS),
]
# fmt: on

# fmt: off
# 37 subjects from 14 local governments (MENTOR), and two APLA requests.
NEEDS: list[NeedRow] = [
    # Edirne
    NeedRow("edirne-otopark", "edirne-municipality", "edirne", "Tarihi kent merkezinde otopark ve trafik yönetimi", "mobility.parking mobility.traffic_safety", "2021-04-12",
            problem="Selimiye Camii ve Kaleiçi çevresinde hafta sonları ve bayramlarda tur otobüsleri ve ziyaretçi araçları nedeniyle trafik kilitleniyor; yol kenarında park denetimsiz, kapalı otoparklar ise boş kalıyor. Esnaf ve sakinler sürekli şikâyet ediyor.",
            outcome="Tarihi merkez için ücretli yol kenarı park bölgeleri, kent girişlerinde park et-devam et alanları ve tur otobüsleri için bir düzenleme planı; uygulamanın ilk etabının başlatılması.",
            baseline="Tarihi merkezde yaklaşık 1.200 yol kenarı park yeri var; hafta sonu doluluk %100'ün üzerinde (çift sıra park). Kapalı otoparkların ortalama doluluğu %45.",
            why_learn="Benzer tarihi dokuya ve ziyaretçi yoğunluğuna sahip kentlerin uyguladığı tarifelendirme ve denetim modellerini görmeden karar vermek istemiyoruz.",
            why_share="Sınır kenti olarak yabancı plakalı araçların ve tur otobüslerinin yönetiminde edindiğimiz deneyimi paylaşabiliriz.",
            days_for_learning=10, days_to_implement=365, staff_involved=4, staff_can_travel=True, site_visit_wanted=True, language_needs="Türkçe çalışılacak."),
    NeedRow("edirne-taskin", "edirne-municipality", "edirne", "Meriç ve Tunca taşkınları için erken uyarı ve müdahale planı", "disaster.flood disaster.emergency_response", "2020-08-20",
            problem="Meriç, Tunca ve Arda nehirlerinde kış ve ilkbahar aylarında yaşanan taşkınlar Karaağaç'ı ve nehir kıyısındaki mahalleleri etkiliyor. Belediyenin uyarı ve tahliye süreçleri yazılı değil; valilik, DSİ ve belediye arasında bilgi akışı telefonla yürüyor.",
            outcome="Belediye için yazılı bir taşkın erken uyarı ve müdahale protokolü, riskli mahallelerde SMS ile uyarı düzeni ve yılda bir tatbikat.",
            baseline="Son on yılda üç büyük taşkın yaşandı; en sonuncusunda 140 konut ve işyeri su altında kaldı. Yazılı bir belediye müdahale planı yok.",
            why_learn="Taşkın erken uyarı sistemi kurmuş ve DSİ ile ortak protokol işleten bir belediyenin deneyimini yerinde görmek istiyoruz.",
            why_share="Sınır aşan nehirlerde komşu ülke kurumlarıyla bilgi paylaşımı konusundaki deneyimimizi aktarabiliriz.",
            days_for_learning=6, days_to_implement=270, staff_involved=5, kind="study_visit", modality="in_person", urgency="high", staff_can_travel=True, site_visit_wanted=True),
    NeedRow("edirne-goc", "edirne-municipality", "edirne", "Sınır kentinde düzensiz göçmenlere yönelik acil sosyal hizmetler", "migration.services", "2021-02-15",
            problem="Kent, Avrupa'ya geçmek isteyen düzensiz göçmenler için bir geçiş noktası. Özellikle kış aylarında barınma, gıda ve sağlık ihtiyaçları için belediyeye başvurular artıyor; ancak kurumlar arası koordinasyon ve kayıt düzenimiz yok.",
            outcome="Valilik, göç idaresi ve sivil toplumla rol paylaşımını tanımlayan bir acil destek prosedürü ve sosyal hizmet ekibimiz için bir yönlendirme rehberi.",
            baseline="2020 kışında belediyeye 900'ü aşkın acil yardım talebi ulaştı; talepler kayıt altına alınmıyor.",
            why_learn="Göç alanında kurumsal yapısı olan belediyelerden prosedür ve iş birliği modellerini öğrenmek istiyoruz.",
            why_share="Sınır bölgesinde kış koşullarında acil müdahale deneyimimizi paylaşabiliriz.",
            days_for_learning=5, days_to_implement=180, staff_involved=3, modality="online", urgency="high", funding_applying="none"),
    # Kırklareli
    NeedRow("kirklareli-sifiratik", "kirklareli-municipality", "kirklareli", "Sıfır atık: kaynağında ayrı toplama sisteminin kurulması", "environment.solid_waste", "2021-03-08",
            problem="Ambalaj atıkları evsel atıkla birlikte toplanıyor ve düzenli depolama alanına gidiyor. Mahallelerde geri dönüşüm kumbaraları az ve bir toplama takvimi yok. Edirne Belediyesi de aynı sorunu yaşadığı için talebi birlikte yapıyoruz.",
            outcome="İki pilot mahallede kaynağında ayrı toplama, belediye binalarında sıfır atık belgesi ve bir bilgilendirme kampanyası.",
            baseline="Günde yaklaşık 95 ton evsel atık toplanıyor; ayrı toplanan ambalaj atığının oranı %4 civarında.",
            why_learn="Bizim büyüklüğümüzdeki belediyelerin toplama modelini, maliyetini ve halkı ikna yöntemlerini öğrenmek istiyoruz.",
            why_share="Kırsal mahallelerdeki kompost uygulamalarımızı paylaşabiliriz.",
            days_for_learning=8, days_to_implement=365, staff_involved=4, scope="regional", requires_equivalence=True, staff_can_travel=True, site_visit_wanted=True, funding_applying="none", also_for="edirne-municipality"),
    NeedRow("kirklareli-gelir", "kirklareli-municipality", "kirklareli", "Emlak vergisi ve kira gelirlerinin tahsilatını artırmak", "finance.revenue", "2020-10-15",
            problem="Emlak vergisi tahsilat oranımız düşük; mükellef kayıtları tapu kayıtlarıyla örtüşmüyor. Belediyeye ait taşınmazların kira sözleşmeleri ve ödemeleri elle takip ediliyor.",
            outcome="Güncel bir mükellef veritabanı, e-tahsilat ve SMS hatırlatma kanalları ile kira alacaklarının düzenli takibi; tahsilat oranında ölçülebilir bir artış.",
            baseline="2019'da emlak vergisi tahsilat oranı %58; 310 kira sözleşmesinin 70'inde gecikmiş alacak var.",
            why_learn="Öz gelirlerimizi artırmadan yatırım yapamıyoruz; tahsilatı artırmayı başarmış belediyelerin yöntemlerini öğrenmek istiyoruz.",
            why_share="Kırsal mahallelerdeki mera ve tarım arazisi kiralamalarının yönetimini paylaşabiliriz.",
            days_for_learning=6, days_to_implement=240, staff_involved=3, modality="online", requires_equivalence=True),
    # Çanakkale
    NeedRow("canakkale-vlr", "canakkale-municipality", "canakkale", "Gönüllü Yerel İnceleme (VLR) raporu hazırlığı", "sdg.vlr sdg.indicators", "2020-12-10",
            problem="Belediyemiz Sürdürülebilir Kalkınma Amaçları'na bağlılığını açıkladı, ancak ilerlemeyi nasıl ölçeceğimizi ve raporlayacağımızı bilmiyoruz. Stratejik planımız SKA'larla eşleştirilmedi; veriler birimlere dağılmış durumda.",
            outcome="Stratejik planın SKA'larla eşleştirilmesi, yerel bir gösterge seti, paydaş danışma süreci ve ilk Gönüllü Yerel İnceleme (VLR) raporumuzun taslağı.",
            baseline="Stratejik planda 142 performans göstergesi var; hiçbiri SKA hedefleriyle ilişkilendirilmemiş. SKA konusunda eğitim almış personel sayısı 2.",
            why_learn="VLR hazırlamış bir belediyenin süreç, şablon ve deneyimlerinden yararlanarak aynı hataları tekrarlamak istemiyoruz.",
            why_share="Üniversiteyle birlikte yürüttüğümüz kent verisi çalışmalarını ve kent konseyiyle katılım deneyimimizi paylaşabiliriz.",
            days_for_learning=15, days_to_implement=365, staff_involved=6, staff_can_travel=True, language_needs="Türkçe çalışılacak; rapor sonradan İngilizceye çevrilecek."),
    NeedRow("canakkale-bisiklet", "canakkale-municipality", "canakkale", "Kent merkezinde güvenli bisiklet yolu ağı", "mobility.active", "2021-03-02",
            problem="Öğrenci nüfusu yüksek bir kent olmamıza rağmen bisiklet yolları kopuk; kordon dışında güvenli bir güzergâh yok. Kavşaklarda bisikletlilerin karıştığı kazalar artıyor.",
            outcome="Üniversite kampüsü, kent merkezi ve kordon arasında kesintisiz bir bisiklet ağı planı ve ilk etap uygulama projesi.",
            baseline="Toplam 14 km bisiklet yolu var, bunun 9 km'si sahilde. 2020'de bisikletlilerin karıştığı 37 trafik kazası oldu.",
            why_learn="Yoğun kent merkezinde yol alanını yeniden paylaştırmış belediyelerin tasarım ve ikna deneyimini öğrenmek istiyoruz.",
            why_share="Kordon boyunca yaya ve bisiklet için paylaşımlı alan deneyimimizi aktarabiliriz.",
            days_for_learning=6, days_to_implement=540, staff_involved=3, staff_can_travel=True, site_visit_wanted=True, funding_applying="donor"),
    NeedRow("canakkale-iklim", "canakkale-municipality", "canakkale", "Kıyı kenti için iklim değişikliğine uyum eylem planı", "environment.climate_adaptation", "2022-03-21",
            problem="Boğaz kıyısındaki kent merkezinde fırtına ve deniz taşkınları, yazın ise sıcak hava dalgaları ve orman yangını riski artıyor. Bir uyum planımız yok; önlemler birimler arasında dağınık.",
            outcome="Risk ve etkilenebilirlik analizine dayalı, önceliklendirilmiş önlemler içeren bir iklim değişikliğine uyum eylem planı taslağı.",
            baseline="Son beş yılda kordonda 6 deniz taşkını kaydedildi. Sera gazı envanteri 2019 yılına ait; uyum konusunda bir çalışma yok.",
            why_learn="Eylem planı hazırlamış belediyelerin yöntemini ve göstergelerini öğrenerek planımızı daha kısa sürede hazırlamak istiyoruz.",
            why_share="Kent konseyiyle yürüttüğümüz iklim farkındalık çalışmalarını paylaşabiliriz.",
            days_for_learning=10, days_to_implement=365, staff_involved=4, modality="online", funding_applying="none"),
    # Bilecik
    NeedRow("bilecik-butce", "bilecik-municipality", "bilecik", "Performans esaslı bütçe ve maliyet muhasebesi", "finance.budgeting finance.cost_centres", "2022-09-05",
            problem="Bütçemiz performans programıyla ilişkilendirilmiyor ve hizmetlerin birim maliyetlerini bilmiyoruz. Meclis bütçe görüşmelerinde hangi hizmetin ne kadara mal olduğunu gösteremiyoruz.",
            outcome="Başlıca hizmetler için maliyet merkezleri, birim maliyet raporu şablonu ve performans programıyla uyumlu bir bütçe hazırlık takvimi.",
            baseline="Performans programında 38 faaliyet var; hiçbirinin maliyeti hesaplanmıyor.",
            why_learn="Maliyet muhasebesine geçmiş belediyelerden uygulanabilir ve sade bir model öğrenmek istiyoruz.",
            why_share="Küçük ölçekli bir belediye olarak sınırlı personelle bütçe hazırlığını nasıl yürüttüğümüzü paylaşabiliriz.",
            days_for_learning=8, days_to_implement=300, staff_involved=3, modality="online"),
    NeedRow("bilecik-deprem", "bilecik-municipality", "bilecik", "Deprem riskli bina envanteri ve kentsel dönüşüm önceliklendirmesi", "disaster.earthquake disaster.risk_mapping", "2021-10-04",
            problem="Kentimiz deprem bölgesinde ve yapı stokunun önemli bir kısmı 2000 öncesine ait. Hangi binaların öncelikle incelenmesi gerektiğini gösteren bir envanterimiz yok.",
            outcome="Hızlı tarama yöntemiyle pilot bir mahallede bina envanteri, risk puanlaması ve kentsel dönüşüm için önceliklendirme ölçütleri.",
            baseline="Yaklaşık 9.500 bina var; bunların %60'ı 2000 yılından önce yapılmış. Sayısal bir bina envanteri yok.",
            why_learn="Bina envanteri çıkarmış ve riskli yapı tespitini sistemleştirmiş bir belediyeden yöntem öğrenmek istiyoruz.",
            why_share="Tarihi çarşı bölgesindeki tescilli yapılarla ilgili çalışmalarımızı paylaşabiliriz.",
            days_for_learning=10, days_to_implement=365, staff_involved=5, urgency="high", staff_can_travel=True, site_visit_wanted=True, funding_applying="none"),
    NeedRow("bilecik-performans", "bilecik-municipality", "bilecik", "Personel performans değerlendirme sistemi", "hr.recruitment_performance", "2020-08-05",
            problem="Personelin görev tanımları güncel değil ve performans değerlendirmesi yapılmıyor. Görevlendirmeler nesnel ölçütlere dayanmıyor; çalışanların motivasyonu düşük.",
            outcome="Güncel görev tanımları, yetkinlik bazlı bir değerlendirme formu ve pilot bir birimde ilk değerlendirme döngüsü.",
            baseline="Görev tanımları 2009'dan beri güncellenmedi. Personel sayısı 420 (memur, sözleşmeli ve şirket personeli).",
            why_learn="Performans yönetimini kurmuş bir belediyenin, mevzuatın sınırları içinde nelerin yapılabileceğini göstermesine ihtiyacımız var.",
            why_share="Küçük belediyelerde şirket personelinin yönetimi konusundaki deneyimimizi paylaşabiliriz.",
            days_for_learning=6, days_to_implement=270, staff_involved=3, staff_can_travel=True),
    # Tuzla
    NeedRow("tuzla-vlr", "tuzla-municipality", "tuzla", "SKA'ların yerelleştirilmesi ve ilk VLR raporumuz", "sdg.vlr sdg.planning_alignment", "2021-01-05",
            problem="Yeni stratejik plan dönemine hazırlanırken planı SKA'larla uyumlu hale getirmek ve ilk Gönüllü Yerel İnceleme raporumuzu yayımlamak istiyoruz. Birimlerimiz SKA'ları tanımıyor; verilerimiz dağınık.",
            outcome="Birimlerin katılımıyla SKA uyumlu hedefler, izleme göstergeleri ve VLR raporunun yazım planı; raporun hazırlığına başlanması.",
            baseline="SKA farkındalık anketine katılan 64 yöneticiden yalnızca 9'u SKA'ları tanıdığını belirtti.",
            why_learn="Yerel SKA göstergeleri geliştirmiş ve VLR hazırlamış bir belediyeden yöntem öğrenmek istiyoruz.",
            why_share="Tersanelerin ve sanayi bölgelerinin bulunduğu bir ilçe olarak iş dünyasıyla kurduğumuz ortaklıkları paylaşabiliriz.",
            days_for_learning=12, days_to_implement=420, staff_involved=5, staff_can_travel=True, site_visit_wanted=True),
    NeedRow("tuzla-acil", "tuzla-municipality", "tuzla", "Tersane ve sanayi bölgesinde afet ve acil durum müdahale kapasitesi", "disaster.emergency_response", "2022-02-28",
            problem="İlçemizde tersaneler, organize sanayi bölgeleri ve kimyasal depolama tesisleri var. Belediyenin acil durum planı bu tesislerdeki olası kaza ve yangın senaryolarını kapsamıyor.",
            outcome="Sanayi kazası senaryolarını içeren güncel bir acil durum planı ve tesislerle ortak bir tatbikat programı.",
            baseline="Acil durum planı 2014 tarihli; sanayi tesisleriyle hiç ortak tatbikat yapılmadı.",
            why_learn="Sanayinin yoğun olduğu bölgelerde acil durum yönetimi deneyimi olan belediyelerden öğrenmek istiyoruz.",
            why_share="Deniz kirliliği olaylarında kıyı emniyetiyle iş birliği deneyimimizi paylaşabiliriz.",
            days_for_learning=6, days_to_implement=240, staff_involved=4, staff_can_travel=True, site_visit_wanted=True),
    NeedRow("tuzla-ebelediye", "tuzla-municipality", "tuzla", "E-belediye başvurularının tek noktadan yönetimi", "digital.eservices hr.procedures", "2022-10-17",
            problem="Vatandaş başvuruları farklı birimlerin sistemlerine dağılmış durumda; aynı belge birden çok kez isteniyor ve başvurunun hangi aşamada olduğu izlenemiyor.",
            outcome="En sık kullanılan 10 başvurunun çevrim içi alınması, e-Devlet entegrasyonu ve başvuru takibi için ortak bir iş akışı.",
            baseline="Yılda yaklaşık 48.000 başvuru alıyoruz; bunların yalnızca %15'i çevrim içi.",
            why_learn="E-belediye dönüşümünü tamamlamış belediyelerin önceliklendirme ve değişim yönetimi deneyimini öğrenmek istiyoruz.",
            why_share="Mahalle muhtarlıklarıyla kurduğumuz ortak başvuru noktası uygulamasını paylaşabiliriz.",
            days_for_learning=5, days_to_implement=365, staff_involved=4, modality="online"),
    # Pendik
    NeedRow("pendik-imar", "pendik-municipality", "pendik", "Kentsel dönüşüm alanlarında imar planı revizyonu ve katılım", "planning.master_plan participation.consultation", "2021-06-21",
            problem="Kentsel dönüşüm alanlarındaki plan revizyonlarına hak sahiplerinin itirazları çok fazla; plan süreçleri yargıya taşınıyor ve projeler yıllarca gecikiyor.",
            outcome="Plan hazırlık aşamasında hak sahipleriyle mahalle bazlı bilgilendirme ve danışmayı içeren bir yöntem ve pilot bir uygulama.",
            baseline="Son üç yılda 4 plan revizyonuna 1.100'den fazla itiraz yapıldı; 2 plan dava sürecinde.",
            why_learn="Dönüşüm alanlarında katılımcı bir plan süreci yürütmüş belediyelerin deneyimini öğrenmek istiyoruz.",
            why_share="Dönüşüm projelerinde kiracılar için geliştirdiğimiz sosyal destek modelini paylaşabiliriz.",
            days_for_learning=8, days_to_implement=365, staff_involved=5, requires_equivalence=True, staff_can_travel=True),
    NeedRow("pendik-goc", "pendik-municipality", "pendik", "Göçmenlere yönelik sosyal hizmet ve yönlendirme merkezi kurulması", "migration.services migration.integration", "2021-09-14",
            problem="İlçemizde yaşayan göçmenlerin sayısı hızla artıyor, ancak belediyenin onlara yönelik bir hizmet noktası yok. Başvurular sosyal yardım birimine yığılıyor; dil engeli nedeniyle ihtiyaçlar doğru tespit edilemiyor.",
            outcome="Kayıt, yönlendirme ve psikososyal destek sunan bir göç masası; kurumlarla yönlendirme protokolleri ve tercüman desteği.",
            baseline="İlçede yaklaşık 25.000 kayıtlı göçmen yaşıyor; belediyede Arapça bilen personel sayısı 2.",
            why_learn="Bu hizmeti yıllardır sunan bir belediyenin kuruluş aşamasındaki hatalarından ve çözümlerinden öğrenmek istiyoruz.",
            why_share="Kadın kooperatifleriyle yürüttüğümüz istihdam çalışmalarını paylaşabiliriz.",
            days_for_learning=10, days_to_implement=365, staff_involved=4, staff_can_travel=True, site_visit_wanted=True, funding_applying="donor"),
    NeedRow("pendik-ebys", "pendik-municipality", "pendik", "Elektronik belge yönetimi ve arşiv düzeni", "hr.procedures", "2022-05-09",
            problem="Elektronik belge yönetim sistemine geçmemize rağmen birimler hâlâ kâğıt üzerinde yazışıyor; standart dosya planı uygulanmıyor ve arşivde aranan belgeye ulaşmak günler sürüyor.",
            outcome="Standart dosya planının tüm birimlerde uygulanması, EBYS kullanım kuralları ve arşiv için bir ayıklama-imha takvimi.",
            baseline="Yazışmaların yaklaşık %40'ı hâlâ kâğıt üzerinde; arşivde 6.000 dosya kutusu sınıflandırılmamış.",
            why_learn="EBYS'ye tam geçişi başarmış bir belediyeden birimleri ikna etme ve eğitim yöntemlerini öğrenmek istiyoruz.",
            why_share="Arşiv sayısallaştırma ihalesindeki deneyimimizi paylaşabiliriz.",
            days_for_learning=5, days_to_implement=300, staff_involved=3, modality="online"),
    # Kartal
    NeedRow("kartal-deprem", "kartal-municipality", "kartal", "Mahalle ölçeğinde deprem hazırlığı: toplanma alanları ve gönüllü ağları", "disaster.earthquake disaster.emergency_response", "2020-11-02",
            problem="Deprem sonrasındaki ilk 72 saatte mahallelerin kendi kendine yetebilmesi için gönüllü ağlarımız yok. Toplanma alanlarının bir kısmı yapılaşmış ya da ulaşılamaz durumda.",
            outcome="Tüm toplanma alanlarının sahada doğrulanması, her mahallede eğitimli bir afet gönüllüsü ekibi ve yıllık tatbikat.",
            baseline="88 toplanma alanından 17'si kullanılamaz durumda; eğitimli mahalle gönüllüsü yok.",
            why_learn="Bu işi İstanbul ölçeğinde yapmış uzmanlardan yöntem ve eğitim materyali almak istiyoruz.",
            why_share="Muhtarlarla kurduğumuz mahalle iletişim ağını paylaşabiliriz.",
            days_for_learning=10, days_to_implement=365, staff_involved=6, urgency="high", staff_can_travel=True, site_visit_wanted=True),
    NeedRow("kartal-katilim", "kartal-municipality", "kartal", "Katılımcı bütçe uygulamasını başlatmak", "participation.participatory_budgeting", "2022-04-04",
            problem="Mahalle taleplerini bütçeye yansıtacak bir mekanizmamız yok; yatırım kararları vatandaşlar tarafından bilinmiyor ve sahiplenilmiyor.",
            outcome="Pilot bir mahallede katılımcı bütçe süreci: proje önerilerinin toplanması, oylama ve uygulamanın izlenmesi.",
            baseline="Yatırım bütçesinin hiçbir kalemi vatandaş önerileriyle belirlenmiyor; kent konseyi yılda iki kez toplanıyor.",
            why_learn="Katılımcı bütçeyi uygulayan bir belediyenin süreç tasarımını ve karşılaştığı güçlükleri öğrenmek istiyoruz.",
            why_share="Muhtarlarla düzenli yaptığımız mahalle istişare toplantılarının deneyimini paylaşabiliriz.",
            days_for_learning=6, days_to_implement=300, staff_involved=3, modality="online"),
    NeedRow("kartal-egitim", "kartal-municipality", "kartal", "Hizmet içi eğitim programının ihtiyaç analizine dayalı yenilenmesi", "hr.training", "2022-07-11",
            problem="Hizmet içi eğitimler her yıl aynı konularda yapılıyor ve katılım zorunluluğu nedeniyle verimsiz kalıyor. Eğitimlerin işe etkisini ölçmüyoruz.",
            outcome="Birim bazlı eğitim ihtiyaç analizi, yıllık eğitim planı ve eğitimin etkisini ölçen basit bir değerlendirme formu.",
            baseline="2021'de 31 eğitim düzenlendi; katılımcı memnuniyeti dışında bir ölçüm yapılmadı.",
            why_learn="Eğitim planlamasını ihtiyaç analizine dayandıran belediyelerin araçlarını kullanmak istiyoruz.",
            why_share="Afet gönüllüleri için geliştirdiğimiz eğitim modüllerini paylaşabiliriz.",
            days_for_learning=4, days_to_implement=180, staff_involved=2, modality="online"),
    # Esenyurt
    NeedRow("esenyurt-uyum", "esenyurt-municipality", "esenyurt", "Göçmen ve yerel halk arasında sosyal uyum programları", "migration.cohesion migration.integration", "2021-05-03",
            problem="Türkiye'nin en kalabalık ilçesinde göçmen nüfus yoğun; bazı mahallelerde gerilimler ve önyargılar artıyor. Belediyenin uyum çalışmaları tek seferlik etkinliklerle sınırlı kalıyor.",
            outcome="Mahalle buluşmaları, kadın ve gençlik gruplarıyla ortak etkinlikler ve izleme göstergeleri içeren sürekli bir sosyal uyum programı.",
            baseline="2020'de belediyeye komşuluk ilişkilerinden kaynaklanan 340 şikâyet ulaştı; uyum etkinliklerine katılanların yalnızca %15'i yerel halktan.",
            why_learn="Sosyal uyumu sürekli bir programa dönüştürmüş bir belediyenin yöntemini ve izleme araçlarını öğrenmek istiyoruz.",
            why_share="Çok dilli bilgilendirme materyallerimizi ve muhtarlarla iş birliği deneyimimizi paylaşabiliriz.",
            days_for_learning=12, days_to_implement=365, staff_involved=6, staff_can_travel=True, site_visit_wanted=True, funding_applying="donor"),
    NeedRow("esenyurt-ulasim", "esenyurt-municipality", "esenyurt", "Hızla büyüyen mahallelerde toplu taşıma hat ve durak planlaması", "mobility.public_transport", "2022-01-24",
            problem="Yeni konut alanlarına toplu taşıma hizmeti yapılaşmanın gerisinde kalıyor; sabah saatlerinde duraklarda uzun kuyruklar oluşuyor. Hat önerilerimizi büyükşehire veriye dayalı olarak sunamıyoruz.",
            outcome="Mahalle bazlı bir talep analizi ve büyükşehire sunulacak gerekçeli hat ve durak önerileri.",
            baseline="Son beş yılda 60.000'den fazla yeni konut yapıldı; bu bölgelere yalnızca 4 yeni hat açıldı.",
            why_learn="Talep verisiyle hat planlayan uzmanlardan yöntem ve veri kaynaklarını öğrenmek istiyoruz.",
            why_share="Okul servisleri ve personel servislerinin düzenlenmesindeki deneyimimizi paylaşabiliriz.",
            days_for_learning=5, days_to_implement=180, staff_involved=2, modality="online"),
    NeedRow("esenyurt-kacak", "esenyurt-municipality", "esenyurt", "Kaçak yapılaşmanın önlenmesi ve yapı denetimi", "planning.bylaws", "2022-06-20",
            problem="Kaçak kat ve ruhsatsız yapı şikâyetleri çok fazla; tespit ve yıkım kararları gecikiyor ve ekiplerimiz yetersiz kalıyor.",
            outcome="Uydu görüntüleri ve saha ekibiyle çalışan bir tespit düzeni ve yapı tatil tutanaklarının elektronik takibi.",
            baseline="2021'de 1.450 kaçak yapı şikâyeti alındı; ortalama tespit süresi 47 gün.",
            why_learn="Tespit ve takip süreçlerini dijitalleştirmiş belediyelerin deneyiminden yararlanmak istiyoruz.",
            why_share="Zabıta ile imar birimleri arasında kurduğumuz ortak denetim ekibi modelini paylaşabiliriz.",
            days_for_learning=6, days_to_implement=300, staff_involved=4, staff_can_travel=True),
    # Çorlu
    NeedRow("corlu-atiksu", "corlu-municipality", "corlu", "Sanayi atıksularının izlenmesi ve Ergene Havzası'nın korunması", "environment.water_wastewater", "2022-01-10",
            problem="İlçemizdeki dağınık sanayi tesislerinin bir kısmı atıksularını kanalizasyona izinsiz deşarj ediyor; Ergene'deki kirlilik kent yaşamını ve tarımı etkiliyor. Belediyenin denetim kapasitesi sınırlı.",
            outcome="Deşarj izinlerinin takibi, riskli tesislerin önceliklendirilmesi ve büyükşehirle ortak bir numune programı.",
            baseline="Kanalizasyona bağlı 230 sanayi tesisinin 60'ının deşarj izni güncel değil.",
            why_learn="Havzada arıtma tesislerini işleten büyükşehir ekibinin izleme yöntemlerini yerinde görmek istiyoruz.",
            why_share="Tekstil sanayisiyle yürüttüğümüz su tasarrufu çalışmalarını paylaşabiliriz.",
            days_for_learning=8, days_to_implement=365, staff_involved=3, scope="regional", staff_can_travel=True, site_visit_wanted=True),
    NeedRow("corlu-cbs", "corlu-municipality", "corlu", "Kent bilgi sistemi (CBS) altyapısının kurulması", "planning.gis", "2022-08-15",
            problem="İmar, numarataj ve altyapı verilerimiz farklı formatlarda ve birimlere dağılmış durumda; güncel bir altlık haritamız yok.",
            outcome="Ortak bir mekânsal veri tabanı, birimlerin veri sorumlulukları ve birimlerin kullanacağı bir web harita uygulaması.",
            baseline="Sayısal imar planı paftalarının yalnızca %30'u koordinatlı; numarataj verisi 2016'dan beri güncellenmedi.",
            why_learn="CBS birimini kısa sürede kurmuş belediyelerin önceliklendirme ve personel yapısını öğrenmek istiyoruz.",
            why_share="Sanayi tesislerinin konumsal envanterini paylaşabiliriz.",
            days_for_learning=8, days_to_implement=365, staff_involved=3, modality="online"),
    NeedRow("corlu-uyum", "corlu-municipality", "corlu", "Sanayi işçisi göçüyle büyüyen mahallelerde sosyal uyum", "migration.cohesion", "2022-11-07",
            problem="Sanayideki istihdam nedeniyle farklı illerden ve yurt dışından gelen işçi aileleri hızla artıyor; yeni mahallelerde sosyal donatılar ve komşuluk ilişkileri zayıf.",
            outcome="Yeni gelen aileler için bir karşılama ve bilgilendirme programı ve mahalle merkezlerinde ortak etkinlikler.",
            baseline="Son üç yılda ilçe nüfusu yaklaşık 25.000 kişi arttı; yeni mahallelerde yalnızca bir mahalle merkezi var.",
            why_learn="Hızlı nüfus artışı yaşayan ilçelerde uyum programı yürüten belediyelerin deneyimini öğrenmek istiyoruz.",
            why_share="İşverenlerle birlikte düzenlediğimiz mesleki eğitim programlarını paylaşabiliriz.",
            days_for_learning=5, days_to_implement=240, staff_involved=3, modality="online", funding_applying="none"),
    # Darıca
    NeedRow("darica-ihale", "darica-municipality", "darica", "Kamu ihale süreçlerinde e-ihale ve şeffaflık", "finance.procurement finance.anticorruption", "2021-11-22",
            problem="İhale dokümanlarının hazırlanmasındaki hatalar nedeniyle itirazlar ve iptaller yaşanıyor; yaklaşık maliyet hesapları belgelenmiyor.",
            outcome="Standart ihale dokümanı şablonları, yaklaşık maliyet hesaplama rehberi ve ihale komisyonu için bir kontrol listesi.",
            baseline="2021'de yapılan 46 ihaleden 7'si itiraz nedeniyle iptal edildi.",
            why_learn="İhale süreçlerini standartlaştırmış bir belediyenin dokümanlarını ve iç kontrol adımlarını yerinde görmek istiyoruz.",
            why_share="Doğrudan temin süreçlerinde kullandığımız elektronik onay akışını paylaşabiliriz.",
            days_for_learning=5, days_to_implement=180, staff_involved=4, modality="in_person", staff_can_travel=True, site_visit_wanted=True),
    NeedRow("darica-risk", "darica-municipality", "darica", "Afet tehlike ve risk haritalarının hazırlanması", "disaster.risk_mapping planning.gis", "2022-03-09",
            problem="İlçemiz Kuzey Anadolu Fayı'na yakın ve kıyıda sıvılaşma riski taşıyan dolgu alanları var. Tehlike haritalarımız eski ve imar kararlarında kullanılmıyor.",
            outcome="Güncel tehlike ve risk haritalarının CBS ortamında üretilmesi ve imar planı kararlarında kullanılmasına ilişkin bir iş akışı.",
            baseline="Mikrobölgeleme çalışması 2008 tarihli; CBS'de sayısal bir risk katmanı yok.",
            why_learn="Risk haritalarını imar ve yatırım kararlarına bağlamış bir büyükşehir ekibinden yöntem öğrenmek istiyoruz.",
            why_share="Kıyı dolgu alanlarındaki zemin etütlerimizi paylaşabiliriz.",
            days_for_learning=8, days_to_implement=365, staff_involved=3, staff_can_travel=True),
    # İnegöl
    NeedRow("inegol-enerji", "inegol-municipality", "inegol", "Belediye binalarında enerji verimliliği ve çatı GES", "environment.energy", "2022-06-27",
            problem="Elektrik ve doğalgaz giderleri bütçemizin önemli bir kısmını oluşturuyor; binaların tüketimi izlenmiyor ve yatırım önceliklerimizi belirleyemiyoruz.",
            outcome="Hizmet binalarının tüketim izleme tablosu, enerji etüdü yapılacak binaların önceliklendirilmesi ve bir çatı GES fizibilitesi.",
            baseline="42 hizmet binası var; 2021'de enerji gideri bütçenin yaklaşık %6'sı oldu.",
            why_learn="Çatı GES ve verimlilik projelerini tamamlamış belediyelerin fizibilite ve ihale deneyimini öğrenmek istiyoruz.",
            why_share="Mobilya sanayisiyle birlikte yürüttüğümüz atık ahşabın değerlendirilmesi projesini paylaşabiliriz.",
            days_for_learning=6, days_to_implement=365, staff_involved=3, modality="online", funding_applying="donor"),
    NeedRow("inegol-ska", "inegol-municipality", "inegol", "Stratejik planın Sürdürülebilir Kalkınma Amaçları ile uyumlaştırılması", "sdg.planning_alignment sdg.indicators", "2022-04-18",
            problem="Yeni stratejik planımızı hazırlarken hedeflerimizi SKA'larla ilişkilendirmek istiyoruz; ancak bunun yöntemini ve izleme göstergelerini bilmiyoruz.",
            outcome="Stratejik plan hedeflerinin SKA hedefleriyle eşleştirilmesi ve performans göstergelerinin yerel SKA göstergeleriyle ilişkilendirilmesi.",
            baseline="Mevcut stratejik planda 96 gösterge var; SKA ile ilişkilendirilmiş gösterge yok.",
            why_learn="SKA uyumlu stratejik plan hazırlamış belediyelerin yöntemini öğrenmek ve birimlerimizi ikna edecek örnekler görmek istiyoruz.",
            why_share="İlçedeki sanayi kuruluşlarıyla yaptığımız sürdürülebilirlik anketinin sonuçlarını paylaşabiliriz.",
            days_for_learning=8, days_to_implement=240, staff_involved=4, modality="online"),
    NeedRow("inegol-beyazmasa", "inegol-municipality", "inegol", "Vatandaş talep ve şikâyetlerinin tek merkezden yönetimi (Beyaz Masa)", "communication.citizen_relations", "2021-10-25",
            problem="Talepler telefon, dilekçe, sosyal medya ve mobil uygulama üzerinden ayrı ayrı geliyor; yanıt süreleri ölçülmüyor ve aynı talep birden çok birime gidiyor.",
            outcome="Tüm kanallardan gelen taleplerin tek sistemde toplanması, birimlere otomatik yönlendirilmesi ve yanıt süresi raporları.",
            baseline="Yılda yaklaşık 36.000 talep geliyor; ortalama yanıt süresi bilinmiyor.",
            why_learn="Beyaz Masa'yı kurmuş belediyelerin iş akışlarını ve yazılım tercihlerini yerinde görmek istiyoruz.",
            why_share="Mahalle muhtarlarıyla kurduğumuz WhatsApp bilgilendirme hattı deneyimini paylaşabiliriz.",
            days_for_learning=5, days_to_implement=240, staff_involved=3, staff_can_travel=True, site_visit_wanted=True),
    # Gemlik
    NeedRow("gemlik-atiksu", "gemlik-municipality", "gemlik", "Gemlik Körfezi'ne deşarj edilen atıksuların arıtılması", "environment.water_wastewater", "2021-04-20",
            problem="Kıyıdaki bazı mahallelerin atıksuyu yeterli arıtma yapılmadan körfeze ulaşıyor; yaz aylarında deniz suyu kalitesi düşüyor ve plajlar kapanıyor.",
            outcome="Kıyı mahalleleri için bütçemize uygun küçük ölçekli arıtma çözümleri ve büyükşehirle ortak bir izleme programı.",
            baseline="2020 yazında 3 plajda deniz suyu kalitesi yüzmeye uygun bulunmadı.",
            why_learn="Bizim ölçeğimizdeki belediyelerin uyguladığı küçük ölçekli ve düşük maliyetli çözümleri öğrenmek istiyoruz.",
            why_share="Balıkçı barınaklarının atık yönetimindeki deneyimimizi paylaşabiliriz.",
            days_for_learning=6, days_to_implement=365, staff_involved=3, requires_equivalence=True, staff_can_travel=True, site_visit_wanted=True, funding_applying="none"),
    NeedRow("gemlik-otopark", "gemlik-municipality", "gemlik", "Sahil bandında yaz aylarında otopark sorunu", "mobility.parking", "2022-05-30",
            problem="Yaz aylarında sahil bandına gelen ziyaretçi araçları nedeniyle park sorunu ve trafik sıkışıklığı yaşanıyor; kıyıdaki yeşil alanlara araç park ediliyor.",
            outcome="Sezonluk ücretli park düzenlemesi, ring servis ve park denetimi için uygulanabilir bir plan.",
            baseline="Yaz hafta sonlarında sahile günde yaklaşık 4.000 araç geliyor; resmî park kapasitesi 900 araç.",
            why_learn="Sezonluk park yönetimi uygulayan belediyelerin tarife ve denetim deneyimini öğrenmek istiyoruz.",
            why_share="Zeytin hasadı döneminde kırsal yolların düzenlenmesindeki deneyimimizi paylaşabiliriz.",
            days_for_learning=4, days_to_implement=150, staff_involved=2, modality="online"),
    # Nablus (APLA member; MENTOR's international matching), in Arabic
    NeedRow("nablus-zilzal", "nablus-municipality", "nablus", "الاستعداد للزلازل وتقييم سلامة المباني في البلدة القديمة", "disaster.earthquake disaster.risk_mapping", "2022-01-25",
            problem="تقع نابلس في منطقة نشطة زلزالياً، وتضم البلدة القديمة مباني حجرية تاريخية مكتظة بالسكان. لا تملك البلدية مسحاً محدثاً لحالة المباني ولا خطة للاستجابة في حال وقوع زلزال.",
            outcome="منهجية للمسح السريع لقابلية المباني للتأثر بالزلازل وتطبيقها في حي تجريبي، وخطة أولية لنقاط التجمع ومراكز الإيواء.",
            baseline="نحو 3,000 مبنى في البلدة القديمة، معظمها من الحجر ويزيد عمرها على مئة عام. آخر مسح للمباني أُجري عام 2019 ويغطي جزءاً من الأحياء فقط.",
            why_learn="نريد التعلم من بلديات لديها خبرة طويلة في إدارة مخاطر الزلازل وفي التعافي بعد زلزال 1999.",
            why_share="يمكننا مشاركة خبرتنا في ترميم المباني التاريخية وإدارة البلدة القديمة.",
            days_for_learning=10, days_to_implement=365, staff_involved=4, modality="online", scope="international", languages="ar en", text_language="ar", interpretation=True, funding_learning="donor", funding_applying="none",
            language_needs="نعمل بالعربية والإنجليزية؛ ستوفر البلدية ترجمة فورية من العربية وإليها في الاجتماعات عند الحاجة."),
    NeedRow("nablus-tawari", "nablus-municipality", "nablus", "تطوير وحدة الطوارئ والاستجابة في البلدية", "disaster.emergency_response", "2022-01-25",
            problem="تعتمد البلدية في حالات الطوارئ (العواصف الثلجية، الحرائق، انهيار المباني) على جهود متفرقة من الأقسام المختلفة، ولا يوجد مركز عمليات ولا إجراءات تشغيل موحدة.",
            outcome="إجراءات تشغيل قياسية لوحدة طوارئ بلدية، وتوزيع واضح للأدوار بين الأقسام والدفاع المدني، وتمرين مشترك.",
            baseline="لا توجد وحدة طوارئ في البلدية؛ آخر تمرين مشترك مع الدفاع المدني أُجري عام 2017.",
            why_learn="نريد الاطلاع على كيفية تنظيم مراكز التنسيق في البلديات التركية وتوزيع المسؤوليات فيها.",
            why_share="يمكننا مشاركة تجربتنا في إدارة الطوارئ خلال العواصف الثلجية في المناطق الجبلية.",
            days_for_learning=6, days_to_implement=300, staff_involved=3, modality="online", scope="international", languages="ar en", text_language="ar", interpretation=True, funding_learning="donor", funding_applying="none",
            language_needs="نعمل بالعربية والإنجليزية؛ ستوفر البلدية ترجمة فورية عند الحاجة."),
    # Kisumu (partner of KS in MIC), in English
    NeedRow("kisumu-transport", "kisumu-city", "kisumu", "Organising matatu and boda-boda transport around the new bus park", "mobility.public_transport mobility.active", "2022-06-07",
            problem="Matatus and boda-bodas stop wherever passengers wait, blocking the main roads into the central business district. The relocated bus park is under-used and the new walking and cycling lanes are taken over by parked vehicles.",
            outcome="A plan to route matatus through the bus park with designated stages, a registration and stage-management scheme for boda-boda operators agreed with their associations, and enforcement that keeps the non-motorised transport lanes free.",
            baseline="About 1,500 matatus and an estimated 25,000 boda-bodas operate in the city; the new bus park handles less than half of the planned daily departures.",
            why_learn="We want to learn how a large city brought private operators into a planned network without open conflict.",
            why_share="We can share our experience of building non-motorised transport lanes with community participation.",
            days_for_learning=8, days_to_implement=365, staff_involved=4, modality="online", scope="international", languages="en sw", text_language="en", staff_can_travel=True, site_visit_wanted=True, funding_learning="donor", funding_applying="donor"),
    NeedRow("kisumu-revenue", "kisumu-city", "kisumu", "Digital collection of market fees and single business permits", "finance.revenue digital.eservices", "2022-09-19",
            problem="Market fees are still collected in cash by revenue clerks, with leakage and no reliable record of who has paid. Single business permit renewals are slow and most traders pay late.",
            outcome="Cashless collection of market fees and business permits through mobile money, linked to a register of traders and a monthly revenue report.",
            baseline="Own-source revenue reached about 60% of the annual target; market fees are collected in cash in 12 markets.",
            why_learn="We want to see how other municipalities moved revenue collection online and kept traders on board.",
            why_share="We can share how we use mobile money for parking fees.",
            days_for_learning=6, days_to_implement=300, staff_involved=5, modality="online", scope="international", languages="en sw", text_language="en", funding_learning="donor"),
    # APLA, Municipal Technical Exchange Hubs (innovation hub: open-source GIS), in Arabic
    NeedRow("bethlehem-gis", "bethlehem-municipality", "bethlehem", "إنشاء نظام معلومات جغرافية بلدي مفتوح المصدر", "planning.gis digital.open_source", "2020-11-18",
            problem="تعتمد البلدية على خرائط ورقية وملفات أوتوكاد متفرقة، ولا توجد قاعدة بيانات مكانية موحدة. تراخيص البرمجيات التجارية مكلفة ولم نعد قادرين على تجديدها.",
            outcome="قاعدة بيانات مكانية موحدة للمخطط الهيكلي وقطع الأراضي وشبكات البنية التحتية باستخدام برمجيات مفتوحة المصدر، وفريق مدرب قادر على تحديثها.",
            baseline="لا يوجد نظام معلومات جغرافية في البلدية؛ موظفان فقط في قسم الهندسة لديهما معرفة أساسية ببرنامج QGIS.",
            why_learn="نريد الاستفادة من تجربة بلدية الخليل في بناء نظام مستدام دون تكاليف ترخيص.",
            why_share="يمكننا مشاركة خبرتنا في توثيق المباني التاريخية في البلدة القديمة.",
            days_for_learning=12, days_to_implement=365, staff_involved=3, scope="regional", languages="ar", text_language="ar", staff_can_travel=True, site_visit_wanted=True, funding_learning="programme", programme=HUBS),
    NeedRow("beit-sahour-cadastre", "beit-sahour-municipality", "beit-sahour", "إدارة البيانات الكادسترائية في قاعدة بيانات مكانية", "planning.gis digital.open_source", "2020-12-03",
            problem="بيانات قطع الأراضي والملكيات محفوظة في جداول منفصلة عن الخرائط، ولا يمكن ربطها بطلبات الترخيص أو بالجباية.",
            outcome="ربط بيانات قطع الأراضي بالخرائط في قاعدة بيانات مكانية واحدة، واستخدامها في إجراءات الترخيص.",
            baseline="نحو 7,500 قطعة أرض مسجلة في جداول Excel دون إحداثيات.",
            why_learn="نريد التعلم من بلدية طبّقت إدارة البيانات الكادسترائية ببرمجيات مفتوحة المصدر.",
            why_share="يمكننا مشاركة تجربتنا في حملات التوعية بدفع الرسوم.",
            days_for_learning=8, days_to_implement=300, staff_involved=2, scope="regional", languages="ar", text_language="ar", staff_can_travel=True, funding_learning="programme", programme=HUBS),
]
# fmt: on

# Matching rounds before the final run: MMU matched its first rounds by hand,
# and PeerLearn keeps them as runs whose proposals are the coordinator's pairs.
RUNS: dict[str, tuple[tuple[str, str], str]] = {
    "mentor-2020-09": (MENTOR, "2020-09-01 10:00"),
    "mentor-2021-01": (MENTOR, "2021-01-20 10:00"),
    "mentor-2021-06": (MENTOR, "2021-06-15 10:00"),
    "mentor-2022-02": (MENTOR, "2022-02-15 10:00"),
    "mentor-recent": (MENTOR, "now-30 10:00"),
    "hubs-2020-12": (HUBS, "2020-12-15 10:00"),
}

MAYOR_TR = "Belediye Başkanı"
MAYOR_METRO = "Büyükşehir Belediye Başkanı"
MAYOR_AR = "رئيس البلدية"

# fmt: off
STORIES: list[Story] = [
    # --- Closed: HR performance, Bilecik ← Maltepe (what failed: the pilot) ---
    Story("bilecik-performans", "maltepe-performans", "mentor-2020-09", "2020-09-02", "2020-09-03",
          answers=(Answer("offering", True, "2020-09-04"), Answer("seeking", True, "2020-09-07")),
          meetings=(
              MeetingRow("Tanışma ve ihtiyaç analizi", "2020-09-24 10:00", 90, "online",
                         "1. Tanışma\n2. Bilecik'te mevcut durum: görev tanımları ve değerlendirme uygulamaları\n3. Maltepe deneyimi\n4. Çalışma takvimi",
                         "Bilecik, görev tanımlarının 2009 tarihli olduğunu ve hiç değerlendirme yapılmadığını anlattı. Maltepe, görev tanımlarını güncelleme ve yetkinlik sözlüğü hazırlama sürecini sundu. Önce görev tanımlarının güncellenmesine, ardından değerlendirme formunun uyarlanmasına karar verildi.",
                         actions=(Action("Bilecik mevcut görev tanımlarını ve değerlendirme formlarını paylaşacak", "seeking", "2020-10-09", "2020-10-07"),
                                  Action("Maltepe yetkinlik sözlüğü örneğini gönderecek", "offering", "2020-10-09", "2020-10-12"))),
              MeetingRow("Maltepe Belediyesi'nde çalışma ziyareti", "2020-11-12 10:00", 240, "Maltepe Belediyesi İnsan Kaynakları ve Eğitim Müdürlüğü, İstanbul",
                         "Yetkinlik sözlüğü, değerlendirme formu ve itiraz süreci; birim müdürleriyle görüşme",
                         "Bilecik'ten üç kişilik ekip değerlendirme sürecinin uygulamasını birim müdürleriyle görüşerek inceledi. Mevzuat nedeniyle değerlendirme sonuçlarının ücretle ilişkilendirilemeyeceği, ancak eğitim planlaması ve görevlendirmelerde kullanılabileceği görüldü. Pilot birim olarak Fen İşleri Müdürlüğü seçildi.",
                         actions=(Action("Fen İşleri Müdürlüğü'nde pilot değerlendirme döngüsü yapılacak", "seeking", "2021-03-31"),)),
          ),
          phases=(("inspiration", "2020-09-25"), ("adoption", "2020-11-20")),
          activities=(Activity("Görev tanımlarının güncellenmesi", "2020-10-01", "2020-12-31", "Tüm birimler için güncel görev tanımları", "seeking", "done"),
                      Activity("Yetkinlik bazlı değerlendirme formunun uyarlanması", "2020-11-15", "2021-02-28", "Bilecik'e uyarlanmış değerlendirme formu", "offering", "done"),
                      Activity("Pilot değerlendirme: Fen İşleri Müdürlüğü", "2021-03-01", "2021-06-30", "İlk değerlendirme döngüsü ve geri bildirim", "seeking", "dropped")),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2020-10-05"), EndorsementRow("offering", MAYOR_TR, "2020-10-12")),
          note=Note("2021-12-10",
                    "Bilecik Belediyesi, Maltepe Belediyesi'nin mentorluğunda tüm birimlerin görev tanımlarını güncelledi ve yetkinlik bazlı bir değerlendirme formu hazırladı; ancak pilot değerlendirme döngüsü yapılamadı.",
                    "Görev tanımlarının güncellenmesi somut ve hızlı bir kazanım oldu. Maltepe'de birim müdürleriyle yapılan görüşmeler sürecin gerçekçi kurgulanmasını sağladı; hazır şablonlar işi aylarca kısalttı.",
                    "Pilot değerlendirme, pandemi kısıtlamaları ve pilot birim müdürünün görevden ayrılması nedeniyle önce ertelendi, sonra bırakıldı. Sonuçların ücret ve terfiyle ilişkilendirilememesi personelin ilgisini azalttı; sendikayla süreç baştan paylaşılmalıydı. Bir sonraki değişim için: pilot birimde yönetici değişikliğine karşı yedek bir sorumlu belirlenmeli."),
          closed="2021-12-15",
          feedback=(Feedback("seeking", "2021-12-20", "Güncel görev tanımları ve kullanıma hazır bir değerlendirme formu.", "Yeni personel alımlarında güncel görev tanımları kullanılıyor; değerlendirme henüz uygulanmıyor.", True, 3, 5, 4),
                    Feedback("offering", "2021-12-22", "Görev tanımı güncelleme yöntemimizi başka bir belediyede denemiş olduk.", "Kendi yetkinlik sözlüğümüzü sadeleştirdik.", True, 4, 5, 4))),

    # --- Closed: flood early warning, Edirne ← Sakarya (study visit) ---
    Story("edirne-taskin", "sakarya-taskin", "mentor-2020-09", "2020-09-02", "2020-09-03",
          answers=(Answer("seeking", True, "2020-09-04"), Answer("offering", True, "2020-09-08")),
          meetings=(
              MeetingRow("Çevrim içi ön görüşme", "2020-10-08 14:00", 60, "online",
                         "Edirne'deki taşkın geçmişi; Sakarya'nın erken uyarı sistemi; ziyaret programı",
                         "Edirne, son taşkınlarda uyarıların mahallelere geç ulaştığını ve tahliyenin muhtarlar üzerinden telefonla yürütüldüğünü aktardı. Sakarya, nehir seviye ölçümlerine bağlı uyarı eşiklerini ve SMS ile mahalle bazlı uyarı düzenini anlattı. Ocak ayında Sakarya'ya bir çalışma ziyareti yapılmasına karar verildi.",
                         actions=(Action("Edirne geçmiş taşkın kayıtlarını ve mevcut acil durum planını paylaşacak", "seeking", "2020-10-30", "2020-10-28"),)),
              MeetingRow("Sakarya Afet Koordinasyon Merkezi'ne çalışma ziyareti", "2021-01-21 09:30", 360, "Sakarya Büyükşehir Belediyesi Afet Koordinasyon Merkezi, Adapazarı",
                         "Merkezin işleyişi; nehir kenarındaki ölçüm noktaları; uyarı mesajı şablonları",
                         "Edirne'den beş kişilik ekip (afet işleri, fen işleri, zabıta, basın) merkezin işleyişini ve ölçüm noktalarını yerinde inceledi. Uyarı eşiklerinin DSİ ile birlikte belirlendiği ve mesajların önceden hazırlanmış şablonlarla gönderildiği görüldü. Edirne'nin protokol taslağını Sakarya'nın şablonunu temel alarak hazırlamasına karar verildi.",
                         actions=(Action("SMS ile erken uyarı protokolünün taslağı hazırlanacak", "seeking", "2021-03-31", "2021-04-14"),)),
              MeetingRow("Erken uyarı protokolü taslağının değerlendirilmesi", "2021-05-06 10:00", 90, "online",
                         "Protokol taslağının madde madde incelenmesi",
                         "Edirne'nin hazırladığı protokol taslağı madde madde incelendi. Sakarya, uyarı eşiklerinin komşu ülkeden gelen akım verisine bağlı olmasının risklerine dikkat çekti ve yedek olarak yerel ölçüm noktaları eklenmesini önerdi. Taslağın valilik ve DSİ ile paylaşılmasına karar verildi.",
                         actions=(Action("Protokol taslağı valilik ve DSİ ile paylaşılacak", "seeking", "2021-06-30", "2021-07-20"),)),
          ),
          phases=(("inspiration", "2020-10-09"), ("adoption", "2021-01-22"), ("implementation", "2021-05-07"), ("aftercare", "2021-12-01")),
          activities=(Activity("Taşkın kayıtlarının sayısallaştırılması", "2020-10-15", "2020-12-31", "Son on yılın taşkın kayıtları haritada", "seeking", "done"),
                      Activity("SMS ile erken uyarı protokolü", "2021-02-01", "2021-06-30", "Onaylı protokol ve riskli mahallelerin SMS listesi", "seeking", "done"),
                      Activity("Taşkın tatbikatı", "2021-10-01", "2021-11-30", "Karaağaç'ta tahliye tatbikatı", "seeking", "done")),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2020-11-02"), EndorsementRow("offering", MAYOR_METRO, "2020-11-10")),
          note=Note("2022-05-06",
                    "Edirne Belediyesi, Sakarya'nın deneyimiyle yazılı bir taşkın erken uyarı ve müdahale protokolü hazırladı, riskli mahallelerde SMS uyarı listesini oluşturdu ve ilk tatbikatı yaptı.",
                    "Yerinde ziyaret ve hazır şablonlar. DSİ ve valiliğin sürece erken dahil edilmesi protokolün kısa sürede onaylanmasını sağladı. Tatbikat, mahalle muhtarlarının rolünü netleştirdi.",
                    "Komşu ülkeden gerçek zamanlı akım verisi alınamadı; uyarı süresi hâlâ kısa. Yerel ölçüm istasyonları için bütçe ayrılamadı. SMS listesinin güncel tutulması için bir sorumlu belirlenmediğinden liste ikinci yılda eskidi."),
          closed="2022-05-12",
          feedback=(Feedback("seeking", "2022-05-20", "Yazılı protokol, SMS uyarı listesi ve ilk tatbikat.", "Taşkın uyarıları artık protokoldeki eşiklere göre ve önceden hazırlanmış mesajlarla gönderiliyor.", True, 5, 5, 5),
                    Feedback("offering", "2022-05-23", "Protokol şablonumuzu sınır aşan bir nehre uyarlamak bize de yeni bir bakış açısı kazandırdı.", "Kendi protokolümüze yedek ölçüm noktaları maddesini ekledik.", True, 4, 5, 5))),

    # --- Closed: VLR, Çanakkale ← Kadıköy (the seed's first VLR outcome) ---
    Story("canakkale-vlr", "kadikoy-vlr", "mentor-2021-01", "2021-01-21", "2021-01-22",
          answers=(Answer("offering", True, "2021-01-25"), Answer("seeking", True, "2021-01-27")),
          meetings=(
              MeetingRow("Tanışma: VLR süreci ve zaman çizelgesi", "2021-02-18 10:30", 90, "online",
                         "VLR nedir, neden hazırlanır; Kadıköy'ün süreci; Çanakkale'nin hazırlık durumu; çalışma takvimi",
                         "Kadıköy, VLR sürecini dört adımda anlattı: stratejik planın SKA'larla eşleştirilmesi, gösterge ve veri envanteri, paydaş danışması ve raporun yazımı. Çanakkale'de SKA çalışmalarının yalnızca dış ilişkiler biriminde yürütüldüğü, birimlerin sürece katılması gerektiği tespit edildi. Bir yıllık çalışma takvimi üzerinde uzlaşıldı.",
                         actions=(Action("SKA–stratejik plan eşleştirme tablosu hazırlanacak", "seeking", "2021-03-15", "2021-03-12"),)),
              MeetingRow("Veri envanteri ve gösterge seçimi atölyesi", "2021-04-15 10:00", 180, "online",
                         "Birim temsilcileriyle gösterge seçimi; veri kaynakları; eksik veriler",
                         "Çanakkale'nin 14 biriminden 22 kişi atölyeye katıldı. Stratejik plandaki 142 göstergenin 61'i SKA hedefleriyle ilişkilendirildi. Mahalle ölçeğinde veri bulunmaması en büyük eksik olarak belirlendi.",
                         actions=(Action("Mahalle ölçeğindeki veri eksikleri için TÜİK ile görüşülecek", "seeking", "2021-05-31", "2021-06-15"),)),
              MeetingRow("Kadıköy'de paydaş danışma toplantısının izlenmesi", "2021-07-08 13:00", 240, "Kadıköy Belediyesi, İstanbul",
                         "Paydaş danışma toplantısının izlenmesi; toplantı tasarımı ve geri bildirim formları",
                         "Çanakkale ekibi Kadıköy'ün sivil toplum ve mahalle temsilcileriyle yaptığı danışma toplantısını izledi. Toplantı tasarımı, davet listesi ve geri bildirim formları paylaşıldı. Çanakkale, danışma sürecini kent konseyiyle birlikte yürütmeye karar verdi.",
                         actions=(Action("Paydaş anketi Çanakkale'ye uyarlanacak", "seeking", "2021-08-31", "2021-08-27"),)),
              MeetingRow("Taslak VLR raporunun gözden geçirilmesi", "2021-10-21 14:00", 120, "online",
                         "Taslak raporun yapısı; öncelikli SKA'lar; yönetici özeti ve çeviri takvimi",
                         "Taslak raporun yapısı ve öncelikli SKA'lar (6, 11, 13 ve 14) gözden geçirildi. Kadıköy, raporun başarıların yanı sıra eksikleri de açıkça yazmasını önerdi. Yönetici özeti ve İngilizce çeviri için bir takvim belirlendi.",
                         actions=(Action("Rapor taslağına yönetici özeti eklenecek", "seeking", "2021-12-15", "2021-12-10"),)),
          ),
          phases=(("inspiration", "2021-02-19"), ("adoption", "2021-04-16"), ("implementation", "2021-07-09"), ("aftercare", "2022-01-10")),
          activities=(Activity("SKA–stratejik plan eşleştirmesi", "2021-02-20", "2021-03-31", "Eşleştirme tablosu", "seeking", "done"),
                      Activity("Gösterge seti ve veri envanteri", "2021-04-01", "2021-06-30", "48 göstergelik yerel SKA seti", "seeking", "done"),
                      Activity("Paydaş danışma süreci", "2021-07-01", "2021-09-30", "Kent konseyiyle iki danışma toplantısı", "seeking", "done"),
                      Activity("VLR taslağının yazımı", "2021-10-01", "2022-03-31", "VLR taslak raporu", "offering", "done")),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2021-03-01"), EndorsementRow("offering", MAYOR_TR, "2021-03-05")),
          note=Note("2022-06-24",
                    "Çanakkale Belediyesi, Kadıköy Belediyesi'nin mentorluğunda stratejik planını SKA'larla eşleştirdi, yerel gösterge setini oluşturdu ve ilk Gönüllü Yerel İnceleme (VLR) raporunu hazırlamaya başladı.",
                    "Kadıköy'ün şablonları ve paydaş danışma toplantısını yerinde izlemek süreci hızlandırdı. Birimlerin atölyeye geniş katılımı, SKA çalışmasının tek bir birimin işi olarak kalmasını önledi.",
                    "Mahalle ölçeğinde veri olmadığı için bazı hedeflerde ilerleme ölçülemedi; TÜİK ile görüşmeler sonuç vermedi. Pandemi nedeniyle takvim altı ay kaydı. İngilizce çeviri için bütçe baştan planlanmamıştı."),
          closed="2022-06-30",
          feedback=(Feedback("seeking", "2022-07-05", "SKA–stratejik plan eşleştirmesi, 48 göstergelik yerel set ve VLR taslağı: VLR hazırlığımız başladı.", "Performans programımız artık SKA hedefleriyle etiketleniyor.", True, 5, 5, 4),
                    Feedback("offering", "2022-07-08", "VLR sürecimizi belgelemek ve başka bir belediyeye aktarmak kendi raporumuzun güncellenmesine de katkı sağladı.", "Şablonlarımızı sadeleştirip paylaşılabilir hale getirdik.", True, 5, 5, 4))),

    # --- Closed, self-managed: VLR, Tuzla ← Nilüfer (the seed's second VLR outcome) ---
    Story("tuzla-vlr", "nilufer-vlr", "mentor-2021-01", "2021-01-21", "2021-01-22",
          answers=(Answer("seeking", True, "2021-01-26"), Answer("offering", True, "2021-02-05")),
          self_managed="2021-03-05",
          meetings=(
              MeetingRow("Başlangıç toplantısı: SKA'ların yerelleştirilmesi ve VLR", "2021-03-04 10:00", 120, "online",
                         "Nilüfer'in gösterge sistemi ve raporlaması; Tuzla'nın stratejik plan takvimi; çalışma yöntemi",
                         "Nilüfer, yerel SKA gösterge sistemini ve yıllık sürdürülebilirlik raporlamasını sundu. Tuzla'nın yeni stratejik plan hazırlığıyla VLR çalışmasının birleştirilmesine karar verildi. İki taraf çalışmayı MMU'nun koordinasyonu olmadan doğrudan yürütmeyi tercih etti.",
                         actions=(Action("Birimlerden SKA sorumluları belirlenecek", "seeking", "2021-04-15", "2021-04-09"),)),
              MeetingRow("Nilüfer'de çalışma ziyareti: SKA gösterge sistemi", "2021-06-10 10:00", 300, "Nilüfer Belediyesi, Bursa",
                         "Gösterge sisteminin veri toplama süreci; birim sorumlularıyla görüşmeler",
                         "Tuzla'dan beş kişilik ekip gösterge sisteminin veri toplama sürecini birim sorumlularıyla inceledi. Gösterge sayısının az tutulması ve her göstergenin bir veri sahibinin olması önerildi. Tuzla için 35 göstergelik ilk liste oluşturuldu.",
                         actions=(Action("35 göstergenin veri sahipleri belirlenecek", "seeking", "2021-07-31", "2021-08-05"),)),
              MeetingRow("Tuzla VLR çerçevesi ve yazım planı", "2021-11-25 14:00", 120, "online",
                         "Raporun bölümleri; öncelikli SKA'lar; sanayi bölgesi ortaklarıyla danışma",
                         "VLR raporunun bölümleri, öncelikli SKA'lar ve sanayi bölgesi ortaklarıyla yapılacak danışma toplantısı planlandı. Raporun 2022 sonunda tamamlanması hedeflendi.",
                         actions=(Action("Sanayi bölgesi ortaklarıyla danışma toplantısı düzenlenecek", "seeking", "2022-02-28"),)),
          ),
          phases=(("inspiration", "2021-03-05"), ("adoption", "2021-06-11"), ("implementation", "2021-11-26")),
          activities=(Activity("SKA uyumlu stratejik plan hedefleri", "2021-03-15", "2021-09-30", "SKA ile eşleştirilmiş stratejik hedefler", "seeking", "done"),
                      Activity("Yerel SKA gösterge seti", "2021-06-15", "2021-10-31", "35 göstergelik izleme seti", "seeking", "done"),
                      Activity("VLR yazım planı", "2021-11-01", "2022-06-30", "Bölümleri ve sorumluları belli yazım planı", "offering", "done")),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2021-04-12"), EndorsementRow("offering", MAYOR_TR, "2021-04-20")),
          note=Note("2022-08-12",
                    "Tuzla Belediyesi, Nilüfer Belediyesi'nin mentorluğunda SKA uyumlu stratejik plan hedeflerini ve 35 göstergelik yerel izleme setini oluşturdu; ilk VLR raporunu hazırlamaya başladı.",
                    "Çalışmanın stratejik plan hazırlığıyla birleştirilmesi birimlerin katılımını artırdı. Az sayıda ve veri sahibi belli göstergeler seçmek gerçekçi bir izleme sistemi sağladı.",
                    "Sanayi bölgesi ortaklarıyla danışma toplantısı iki kez ertelendi; özel sektörün verileri rapora eklenemedi. Öz yönetimli çalışmada toplantı aralıkları uzadı; ara hedefler yazılı olarak belirlenmeliydi."),
          closed="2022-08-19",
          feedback=(Feedback("seeking", "2022-08-25", "SKA uyumlu hedefler, yerel gösterge seti ve VLR yazım planı: rapor hazırlığı başladı.", "Stratejik planın izleme raporları SKA göstergeleriyle hazırlanıyor.", True, 5, 4, 3),
                    Feedback("offering", "2022-08-29", "Gösterge sistemimizi ikinci bir belediyede sınamış olduk.", "Gösterge tanım kartlarımızı daha anlaşılır hale getirdik.", True, 4, 4, 3))),

    # --- After-care: earthquake preparedness, Kartal ← Istanbul ---
    Story("kartal-deprem", "ibb-deprem", "mentor-2021-01", "2021-01-21", "2021-01-22",
          answers=(Answer("seeking", True, "2021-01-28"), Answer("offering", True, "2021-02-08")),
          meetings=(
              MeetingRow("Tanışma ve mevcut durum değerlendirmesi", "2021-03-11 14:00", 90, "online",
                         "Kartal'da toplanma alanları ve gönüllü çalışmaları; İBB'nin doğrulama ölçütleri; çalışma planı",
                         "Kartal, toplanma alanlarının bir kısmının yapılaştığını ve bir gönüllü ağının bulunmadığını aktardı. İBB, toplanma alanı doğrulama ölçütlerini ve mahalle afet gönüllüleri eğitim programını sundu. Önce toplanma alanlarının sahada doğrulanmasına karar verildi.",
                         actions=(Action("Toplanma alanları listesi ve koordinatları paylaşılacak", "seeking", "2021-03-31", "2021-03-29"),)),
              MeetingRow("AKOM'da çalışma ziyareti ve gönüllü eğitim programı", "2021-09-16 10:00", 240, "İBB Afet Koordinasyon Merkezi (AKOM), İstanbul",
                         "AKOM'un işleyişi; saha doğrulamasının sonuçları; gönüllü eğitim modülü",
                         "Kartal ekibi AKOM'un işleyişini inceledi. Saha doğrulaması sonucunda 17 alanın kullanılamaz olduğu ve 9 yeni alan önerisi hazırlandığı paylaşıldı. İBB, gönüllü eğitim modülünü ve eğitici eğitimi programını Kartal'a açtı.",
                         actions=(Action("Her mahalleden iki gönüllü koordinatör belirlenecek", "seeking", "2021-11-30", "2021-12-06"),)),
              MeetingRow("Mahalle afet gönüllüleri tatbikatının değerlendirilmesi", "2022-03-10 10:00", 180, "Kartal Belediyesi, İstanbul",
                         "Üç mahallede yapılan tatbikatın sonuçları; iletişim planı",
                         "Üç mahallede yapılan tatbikatın sonuçları değerlendirildi: gönüllüler toplanma alanlarına ortalama 14 dakikada ulaştı, ancak muhtarlıklarla iletişim planı aksadı. Telsiz iletişimi için bir eğitim modülü eklenmesine ve değişimin izleme aşamasına geçmesine karar verildi.",
                         actions=(Action("Telsiz iletişim eğitimi verilecek", "offering", "2022-05-31", "2022-05-24"),)),
              MeetingRow("6 Şubat depremlerinin ardından gönüllü ağının değerlendirilmesi", "2023-03-16 14:00", 90, "online",
                         "Deprem bölgesinde görev alan gönüllülerin deneyimleri; eğitim modülüne eklenecekler",
                         "Kartal'ın mahalle afet gönüllülerinden 35'i deprem bölgesinde arama kurtarma ve lojistik destek görevlerine katıldı. Sahada öğrenilenlerin gönüllü eğitim modülüne eklenmesine karar verildi. İBB, afet çantası rehberinin güncellenmesini önerdi.",
                         actions=(Action("Gönüllü eğitim modülüne saha deneyimleri eklenecek", "offering", "2023-05-31", "2023-06-08"),)),
              MeetingRow("İzleme toplantısı: gönüllü ağı bugün", "now-40 14:00", 60, "online",
                         "Gönüllü sayıları; ayrılan gönüllüler; tabelalar",
                         "Kartal, 24 mahallede gönüllü sayısının 410'a ulaştığını, ancak bazı mahallelerde gönüllülerin ayrıldığını aktardı. İBB, gönüllülere yılda bir tazeleme eğitimi verilmesini önerdi. Toplanma alanı tabelalarının güncellenmesi için bir sorumlu belirlendi.",
                         actions=(Action("Toplanma alanı tabelaları güncellenecek", "seeking", "now-10"),
                                  Action("Tazeleme eğitimi materyali paylaşılacak", "offering", "now+5")),
                         scheduled="now-55"),
              MeetingRow("Yıllık tatbikat sonrası değerlendirme", "now+30 10:00", 120, "Kartal Belediyesi, İstanbul",
                         "Tatbikat gözlemleri; tazeleme eğitimleri; gelecek yılın planı", status="planned", scheduled="now-12"),
          ),
          phases=(("inspiration", "2021-03-12"), ("adoption", "2021-09-17"), ("implementation", "2021-11-01"), ("aftercare", "2022-03-11")),
          activities=(Activity("Toplanma alanlarının sahada doğrulanması", "2021-03-15", "2021-08-31", "Doğrulanmış ve güncellenmiş toplanma alanı listesi", "seeking", "done"),
                      Activity("Mahalle afet gönüllüleri eğitimi", "2021-10-01", "2022-02-28", "Her mahallede eğitimli bir gönüllü ekibi", "offering", "done"),
                      Activity("Yıllık tatbikat", "now+20", "now+25", "Tüm mahallelerde eş zamanlı tatbikat", "seeking", "planned")),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2021-04-01"), EndorsementRow("offering", MAYOR_METRO, "2021-04-07"))),

    # --- Implementation, self-managed, with an approved staff exchange: Esenyurt ← Sultanbeyli ---
    Story("esenyurt-uyum", "sultanbeyli-sosyal", "mentor-2021-06", "2021-06-16", "2021-06-17",
          answers=(Answer("offering", True, "2021-06-21"), Answer("seeking", True, "2021-06-25")),
          self_managed="2021-07-16",
          meetings=(
              MeetingRow("Tanışma ve ihtiyaçların belirlenmesi", "2021-07-15 10:00", 90, "online",
                         "Esenyurt'ta gerilimlerin yoğunlaştığı mahalleler; Sultanbeyli'nin mahalle buluşmaları modeli",
                         "Esenyurt, gerilimlerin yoğunlaştığı dört mahalleyi ve mevcut etkinlik takvimini paylaştı. Sultanbeyli, tek seferlik etkinlikler yerine düzenli mahalle buluşmaları ve ortak gönüllü gruplarıyla çalışma modelini anlattı. Taraflar çalışmayı doğrudan yürütmeye karar verdi.",
                         actions=(Action("Pilot mahalleler seçilecek", "seeking", "2021-08-31", "2021-08-30"),)),
              MeetingRow("Sultanbeyli'de mahalle buluşmasına katılım", "2021-12-09 10:00", 300, "Sultanbeyli Belediyesi, İstanbul",
                         "Mahalle buluşması ve kadın grubu atölyesi; kolaylaştırıcı rehberi",
                         "Esenyurt ekibi bir mahalle buluşmasına ve kadın grubunun atölyesine katıldı. Buluşmaların kolaylaştırıcı rehberi ve izleme formları paylaşıldı.",
                         actions=(Action("Kolaylaştırıcı rehberi Esenyurt'a uyarlanacak", "seeking", "2022-02-28", "2022-03-10"),)),
              MeetingRow("Esenyurt'ta ilk buluşmaların değerlendirilmesi", "2022-05-19 10:00", 180, "Esenyurt Belediyesi, İstanbul",
                         "Pilot mahallelerdeki buluşmaların sonuçları; personel değişimi önerisi",
                         "İki pilot mahallede yapılan altı buluşmaya 280 kişi katıldı; yerel halkın katılımı %35'e yükseldi. Vaka yönetimini yerinde öğrenmek için bir Esenyurt çalışanının Sultanbeyli'de iki hafta çalışması önerildi.",
                         actions=(Action("Personel değişimi talebi hazırlanacak", "seeking", "2022-05-31", "2022-05-20"),)),
              MeetingRow("Uygulama izleme toplantısı", "now-20 10:00", 90, "online",
                         "Dört mahalledeki buluşmalar; gençlik grubu; gönüllü kolaylaştırıcılar",
                         "Şubat 2023 depremlerinden sonra iki belediyenin ekipleri deprem bölgesinde görevlendirildiği için ara verilen izleme toplantıları yeniden başladı. Buluşmaların dört mahalleye yayıldığı ve bir gençlik grubunun kurulduğu paylaşıldı. Gönüllü kolaylaştırıcıların bir kısmının ayrılması nedeniyle iki mahallede buluşmalar aksadı.",
                         actions=(Action("Yeni kolaylaştırıcılar için eğitim planlanacak", "seeking", "now-7"),
                                  Action("İzleme göstergeleri güncellenecek", "offering", "now-10", "now-11")),
                         scheduled="now-30"),
              MeetingRow("Mahalle buluşmaları ara değerlendirme", "now+10 10:00", 90, "online",
                         "İzleme göstergeleri; yeni kolaylaştırıcılar", status="planned", scheduled="now-6"),
          ),
          phases=(("inspiration", "2021-07-16"), ("adoption", "2021-12-10"), ("implementation", "2022-05-20")),
          activities=(Activity("Pilot mahallelerin seçimi ve paydaş haritası", "2021-07-20", "2021-08-31", "İki pilot mahalle ve paydaş listesi", "seeking", "done"),
                      Activity("Kolaylaştırıcı eğitimi", "2021-12-15", "2022-03-31", "12 eğitimli gönüllü kolaylaştırıcı", "offering", "done"),
                      Activity("Düzenli mahalle buluşmaları", "2022-04-01", "now+90", "Dört mahallede ayda bir buluşma", "seeking", "under_way"),
                      Activity("Uyum göstergelerinin izlenmesi", "2022-06-01", "now+180", "Altı ayda bir izleme raporu", "seeking", "under_way")),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2021-09-01"), EndorsementRow("offering", MAYOR_TR, "2021-09-08")),
          staff=(StaffRow("esenyurt-staff", "2022-06-13", "2022-06-24",
                          "Sultanbeyli Göç ve Sosyal Destek Merkezi'nde vaka yönetimi ve yönlendirme süreçlerini yerinde öğrenmek.",
                          "2022-05-20", home_approved="2022-05-23", host_approved="2022-05-27"),)),

    # --- Adoption, with a staff exchange waiting for the host: Pendik ← Sultanbeyli ---
    Story("pendik-goc", "sultanbeyli-goc", "mentor-2022-02", "2022-02-16", "2022-02-17",
          answers=(Answer("offering", True, "2022-02-21"), Answer("seeking", True, "2022-02-24")),
          meetings=(
              MeetingRow("Tanışma: göç masası modeli", "2022-03-24 10:00", 90, "online",
                         "Sultanbeyli'nin tek noktadan hizmet modeli; Pendik'teki başvurular",
                         "Sultanbeyli, kayıt, yönlendirme ve psikososyal destek sunan merkezin işleyişini anlattı. Pendik'te başvuruların sosyal yardım birimine yığıldığı ve Arapça bilen personelin yetersiz olduğu görüldü.",
                         actions=(Action("Son bir yılın göçmen başvuruları analiz edilecek", "seeking", "2022-04-30", "2022-05-04"),)),
              MeetingRow("Sultanbeyli göç merkezinde çalışma ziyareti", "2022-06-30 10:00", 300, "Sultanbeyli Belediyesi, İstanbul",
                         "Kayıt, yönlendirme ve tercüman desteği süreçleri; kurumlarla protokoller",
                         "Pendik ekibi kayıt, yönlendirme ve tercüman desteği süreçlerini yerinde inceledi. Kurumlarla yapılan yönlendirme protokollerinin örnekleri paylaşıldı. Pendik'te bir göç masasının mevcut sosyal hizmet merkezinde kurulmasına karar verildi."),
              MeetingRow("Göç masası kuruluş planının gözden geçirilmesi", "now-45 14:00", 90, "online",
                         "Yer ve personel; tercüman bütçesi; personel değişimi",
                         "Uzun bir aradan sonra yapılan toplantıda Pendik, göç masası için yer ve iki personel belirlediğini, ancak tercüman istihdamı için bütçe beklendiğini aktardı. Sultanbeyli, ilk aşamada gönüllü tercümanlarla çalışılmasını önerdi. Bir Pendik çalışanının Sultanbeyli'de iki hafta çalışması kararlaştırıldı.",
                         actions=(Action("Göç masası personelinin görevlendirme onayı alınacak", "seeking", "now-5"),
                                  Action("Yönlendirme protokolü şablonları gönderilecek", "offering", "now-30", "now-33")),
                         scheduled="now-60"),
              MeetingRow("Göç masası açılış hazırlığı", "now+21 10:00", 180, "Pendik Belediyesi Sosyal Hizmet Merkezi, İstanbul",
                         "Açılış takvimi; yönlendirme protokolleri; personel değişimi programı", status="planned", scheduled="now-9"),
          ),
          phases=(("inspiration", "2022-03-25"), ("adoption", "2022-07-01")),
          activities=(Activity("Başvuru verilerinin analizi", "2022-04-01", "2022-04-30", "Göçmen başvurularının profili", "seeking", "done"),
                      Activity("Göç masasının kurulması", "2022-09-01", "now+60", "Haftada beş gün açık bir göç masası", "seeking", "under_way"),
                      Activity("Kurumlarla yönlendirme protokolleri", "now-30", "now+90", "En az üç kurumla imzalı protokol", "offering", "under_way")),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2022-04-11"), EndorsementRow("offering", MAYOR_TR, "2022-04-18")),
          staff=(StaffRow("pendik-staff", "now+35", "now+46",
                          "Sultanbeyli'nin göç merkezinde kayıt ve yönlendirme süreçlerinde iki hafta çalışarak Pendik göç masasının kuruluşuna hazırlanmak.",
                          "now-10", home_approved="now-8"),)),

    # --- Adoption, dormant; Bilecik has a new mayor since the endorsement: Bilecik ← Yalova ---
    Story("bilecik-deprem", "yalova-deprem", "mentor-2022-02", "2022-02-16", "2022-02-17",
          answers=(Answer("seeking", True, "2022-02-22"), Answer("offering", True, "2022-03-01")),
          meetings=(
              MeetingRow("Tanışma: bina envanteri yöntemi", "2022-04-07 10:00", 90, "online",
                         "Yalova'nın bina envanteri ve hızlı tarama formu; Bilecik'teki veriler",
                         "Yalova, 1999 sonrasında bina envanterini nasıl oluşturduğunu, hızlı tarama formunu ve risk puanlamasını anlattı. Bilecik'te sayısal bir bina envanteri olmadığı, ancak numarataj verisinin başlangıç için kullanılabileceği görüldü.",
                         actions=(Action("Pilot mahalle seçilecek", "seeking", "2022-05-15", "2022-05-10"),)),
              MeetingRow("Yalova'da saha çalışması", "2022-07-14 10:00", 360, "Yalova Belediyesi Yapı Kontrol Müdürlüğü, Yalova",
                         "Hızlı taramanın sahada uygulanması; tablet formu; CBS bağlantısı",
                         "Bilecik ekibi Yalova'nın saha ekipleriyle bir mahallede hızlı tarama uyguladı. Formun tablet üzerinden doldurulması ve fotoğrafların CBS'ye bağlanması gösterildi. Bilecik, pilot mahallede tarama için iki kişilik bir ekip kuracak.",
                         actions=(Action("Pilot mahallede hızlı tarama formu uygulanacak", "seeking", "2022-10-31"),
                                  Action("Tarama formunun sayısal şablonu paylaşılacak", "offering", "2022-08-15", "2022-08-09"))),
              MeetingRow("Pilot tarama sonuçlarının değerlendirilmesi", "2022-11-17 10:00", 90, "online",
                         "Pilot mahallenin tarama sonuçları; risk puanlaması",
                         "Bilecik pilot tarama için ekip oluşturamadığından toplantı iptal edildi.", status="cancelled"),
          ),
          phases=(("inspiration", "2022-04-08"), ("adoption", "2022-07-15")),
          activities=(Activity("Pilot mahallede hızlı tarama", "2022-09-01", "2022-10-31", "Pilot mahalledeki tüm binaların taranması", "seeking", "planned"),
                      Activity("Risk puanlaması ve önceliklendirme ölçütleri", "2022-11-01", "2023-01-31", "Kentsel dönüşüm önceliklendirme ölçütleri", "offering", "planned")),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2022-04-20"), EndorsementRow("offering", MAYOR_TR, "2022-05-02"))),

    # --- Inspiration, self-managed: industrial wastewater, Çorlu ← Tekirdağ ---
    Story("corlu-atiksu", "tekirdag-ergene", "mentor-2022-02", "2022-02-16", "2022-02-17",
          answers=(Answer("offering", True, "2022-02-28"), Answer("seeking", True, "2022-03-05")),
          self_managed="2022-07-08",
          meetings=(
              MeetingRow("Arıtma tesisi ziyareti ve sanayi deşarjlarının izlenmesi", "2022-07-07 10:00", 240, "TESKİ atıksu arıtma tesisi, Çorlu, Tekirdağ",
                         "Tesisin işleyişi; çevrim içi izleme istasyonu; deşarj izinleri",
                         "Çorlu ekibi arıtma tesisini ve çevrim içi izleme istasyonunun verilerini inceledi. Deşarj izinlerinin ortak bir listede takip edilmesine ve riskli tesislerin önceliklendirilmesine karar verildi. Taraflar çalışmayı kendi aralarında sürdürmeyi tercih etti.",
                         actions=(Action("Deşarj izin listesi paylaşılacak", "seeking", "2022-09-30", "2022-09-26"),)),
              MeetingRow("Sanayi deşarj izleme verilerinin paylaşımı", "now+20 10:00", 90, "online",
                         "Ortak liste; riskli tesislerin önceliklendirilmesi; numune programı", status="planned", scheduled="now-15"),
          ),
          phases=(("inspiration", "2022-07-08"),),
          endorsements=(EndorsementRow("seeking", MAYOR_TR, "2022-07-20"), EndorsementRow("offering", MAYOR_METRO, "2022-07-27"))),

    # --- Inspiration, international: earthquake preparedness, Nablus ← Kocaeli ---
    Story("nablus-zilzal", "kocaeli-deprem", "mentor-2022-02", "2022-02-16", "2022-02-17",
          answers=(Answer("offering", True, "2022-02-20"), Answer("seeking", True, "2022-03-10")),
          meetings=(
              MeetingRow("Introductory meeting: earthquake preparedness in the old city", "2022-08-11 11:00", 90, "online",
                         "Nablus old city and the 2019 building survey; Kocaeli's rapid visual screening; next steps",
                         "Nablus presented the old city and its partial building survey of 2019. Kocaeli presented its rapid visual screening method and how assembly areas were planned after 1999. The meeting was held in English with Arabic interpretation arranged by Nablus. Both sides agreed to adapt the screening form to stone masonry buildings.",
                         actions=(Action("Share the 2019 building survey of the old city", "seeking", "2022-09-30", "2022-10-20"),
                                  Action("Send the rapid visual screening form in English", "offering", "2022-09-15", "2022-09-12")),
                         time_zone="Asia/Hebron"),
              MeetingRow("Adapting the screening form to stone masonry buildings", "now+12 11:00", 120, "online",
                         "Draft form for stone masonry; pilot neighbourhood; Arabic version", status="planned", time_zone="Asia/Hebron", scheduled="now-25"),
          ),
          phases=(("inspiration", "2022-08-12"),),
          endorsements=(EndorsementRow("seeking", MAYOR_AR, "2022-08-22"), EndorsementRow("offering", MAYOR_METRO, "2022-08-30"))),

    # --- Courtship: Kisumu ← Bursa, started a few weeks ago ---
    Story("kisumu-transport", "bursa-toplu", "mentor-recent", "now-29", "now-28",
          answers=(Answer("offering", True, "now-26"), Answer("seeking", True, "now-21")),
          meetings=(
              MeetingRow("Introductory call: matatu stages and the bus park", "now+7 10:00", 60, "online",
                         "Introductions; the bus park and matatu stages in Kisumu; Bursa's experience with minibus operators",
                         status="planned", time_zone="Africa/Nairobi", scheduled="now-5"),
          )),

    # --- Courtship: İnegöl ← Kadıköy ---
    Story("inegol-ska", "kadikoy-ska", "mentor-recent", "now-29", "now-28",
          answers=(Answer("seeking", True, "now-27"), Answer("offering", True, "now-18")),
          meetings=(
              MeetingRow("Tanışma toplantısı: stratejik plan ve SKA", "now+15 14:00", 60, "online",
                         "Tanışma; İnegöl'ün stratejik plan takvimi; Kadıköy'ün etiketleme yöntemi", status="planned", scheduled="now-3"),
          )),

    # --- Published, waiting for the seeking side (focalpoint.canakkale) ---
    Story("canakkale-bisiklet", "kadikoy-bisiklet", "mentor-recent", "now-29", "now-6",
          answers=(Answer("offering", True, "now-3"),)),
    # --- Published, waiting for the expert (expert.istanbul) ---
    Story("darica-risk", "ibb-deprem", "mentor-recent", "now-29", "now-4",
          answers=(Answer("seeking", True, "now-2"),)),
    # --- Approved, not yet published ---
    Story("gemlik-otopark", "ibb-otopark", "mentor-recent", "now-2"),

    # --- Declines ---
    Story("kirklareli-gelir", "sakarya-gelir", "mentor-2021-01", "2021-01-21", "2021-01-22",
          answers=(Answer("seeking", True, "2021-01-25"),
                   Answer("offering", False, "2021-01-29", "Ocak–Mart döneminde emlak vergisi tahakkuk ve tahsilat yoğunluğu nedeniyle bu yıl mentorluğa zaman ayıramıyorum. Sonbaharda yeniden değerlendirebiliriz."))),
    Story("gemlik-atiksu", "kocaeli-atiksu", "mentor-2021-06", "2021-06-16", "2021-06-17",
          answers=(Answer("seeking", False, "2021-06-23", "Önerilen deneyim büyükşehir ölçeğinde ve büyük arıtma tesislerine ait. İlçe belediyesi olarak yetki ve bütçemiz içinde uygulanabilecek küçük ölçekli çözümler arıyoruz; benzer büyüklükte bir belediyeden bir uzman önerilirse seviniriz."),)),
    Story("darica-ihale", "balikesir-ihale", "mentor-2022-02", "2022-02-16", "2022-02-17",
          answers=(Answer("offering", True, "2022-02-18"),
                   Answer("seeking", False, "2022-02-24", "Uzman yalnızca çevrim içi çalışabiliyor; ihale komisyonumuzun süreci yerinde görmesi gerekiyor. Yüz yüze çalışabilecek bir uzman tercih ederiz."))),
    Story("nablus-tawari", "sakarya-acil", "mentor-2022-02", "2022-02-16", "2022-02-17",
          answers=(Answer("offering", False, "2022-02-21", "Arapça ve İngilizce çalışma dilim yeterli değil; tercümanla uzun soluklu bir mentorluk yürütmek istemem. İngilizce bilen bir meslektaşımın önerilmesi daha uygun olur."),)),

    # --- APLA: Hebron mentors Bethlehem on open-source GIS (inspiration) ---
    Story("bethlehem-gis", "hebron-gis", "hubs-2020-12", "2020-12-16", "2020-12-17",
          answers=(Answer("offering", True, "2020-12-20"), Answer("seeking", True, "2020-12-22")),
          meetings=(
              MeetingRow("اجتماع تعارف: واقع نظم المعلومات الجغرافية في بلدية بيت لحم", "2021-01-14 11:00", 90, "online",
                         "التعارف؛ البيانات والخرائط المتوفرة في بيت لحم؛ تجربة الخليل؛ خطة العمل",
                         "عرضت بلدية بيت لحم البيانات المتوفرة لديها (مخططات ورقية وملفات أوتوكاد) وعرضت بلدية الخليل تجربتها في بناء النظام ببرمجيات مفتوحة المصدر. اتُّفق على البدء بتقييم البيانات ثم تدريب الفريق على QGIS.",
                         actions=(Action("حصر البيانات والخرائط المتوفرة في أقسام البلدية", "seeking", "2021-02-15", "2021-02-11"),),
                         time_zone="Asia/Hebron"),
              MeetingRow("زيارة عمل إلى وحدة نظم المعلومات الجغرافية في بلدية الخليل", "2021-03-04 10:00", 300, "وحدة نظم المعلومات الجغرافية، بلدية الخليل",
                         "عرض النظام وقاعدة البيانات المكانية؛ تدريب عملي على QGIS",
                         "اطلع فريق بيت لحم على بنية قاعدة البيانات المكانية وإجراءات تحديث البيانات في الخليل، وتلقى تدريباً عملياً على QGIS. اتُّفق على تثبيت QGIS وPostGIS على خادم بلدية بيت لحم.",
                         actions=(Action("تثبيت QGIS وPostGIS على خادم البلدية", "seeking", "2021-04-15", "2021-04-20"),),
                         time_zone="Asia/Hebron"),
              MeetingRow("مراجعة نموذج قاعدة البيانات المكانية (PostGIS)", "now-25 11:00", 90, "online",
                         "نموذج طبقات البيانات؛ ترميز قطع الأراضي؛ الخطوات التالية",
                         "بعد توقف طويل استأنف الطرفان العمل، وراجعا نموذج طبقات البيانات المقترح لبيت لحم. أوصت الخليل بالبدء بطبقة قطع الأراضي والمخطط الهيكلي قبل شبكات البنية التحتية.",
                         actions=(Action("إرسال نموذج طبقات البيانات المعتمد في الخليل", "offering", "now+3"),),
                         time_zone="Asia/Hebron", scheduled="now-35"),
              MeetingRow("زيارة إلى بلدية بيت لحم: إعداد طبقة قطع الأراضي", "now+14 10:00", 240, "قسم الهندسة، بلدية بيت لحم",
                         "العمل على طبقة قطع الأراضي؛ تدريب الفريق", status="planned", time_zone="Asia/Hebron", scheduled="now-8"),
          ),
          phases=(("inspiration", "2021-01-15"),),
          activities=(Activity("تقييم الوضع الحالي للبيانات والخرائط", "2021-01-15", "2021-02-28", "قائمة بالبيانات المتوفرة وحالتها", "seeking", "done"),
                      Activity("تدريب الفريق على QGIS", "2021-03-01", "now+60", "ثلاثة موظفين قادرون على تحديث البيانات", "offering", "under_way"),
                      Activity("تصميم قاعدة بيانات مكانية بـ PostGIS", "now-30", "now+120", "قاعدة بيانات لقطع الأراضي والمخطط الهيكلي", "seeking", "planned")),
          endorsements=(EndorsementRow("offering", MAYOR_AR, "2021-02-01"), EndorsementRow("seeking", MAYOR_AR, "2021-02-10"))),
]
# fmt: on

# Turkish local elections of 31 March 2024: Bilecik records its new mayor after
# having endorsed its exchange, so the exchange asks to renew the endorsement.
NEW_MAYORS: list[tuple[str, str]] = [("bilecik-municipality", "2024-04-08")]
