"""A large, realistic data set for benchmarks: a whole Land's programme on one database.

At ``scale=1``: 12 providers, 50 sites in NRW, 4,000 cohorts, 100,000 participants (one enrolment each),
their teaching sessions and attendance (about 2 million records), about 1,000,000 placement hour entries
and 50,000 certificates. Everything is written with ``bulk_create`` in batches, with primary keys chosen
here, so no row is read back; fields that ``save()`` would compute (``Participant.name_key``,
``AttendanceRecord.attended_units``, ``HourEntry.work_minutes``) are computed here the same way.

The same seed and ``today`` give the same data (except ``created_at``-style columns that Django stamps).
The generated certificates are what ``certificates.services`` would have written for eligible people: the
number from the yearly counter (the counter rows are set to match), a random code, and a snapshot built
like ``certificates.snapshot.build_snapshot``. Encoding the QR code costs ~5-10 ms per code, so by default
only the bench people's certificates carry ``qr_rows``; the renderer encodes the others itself (same code,
only slower), as it does for certificates issued before the rows were kept. ``qr_codes="all"`` encodes
every one.

Bench logins (password ``bench``): ``bench-staff`` (staff of the largest provider), ``bench-supervisor``
(supervises the facilities with the most pending hours), ``bench-participant`` (holds a certificate in the
200-person bench cohort).
"""

import datetime
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from core.bulk import insert_rows
from core.text import fold
from courses.models import (
    AttendanceRecord,
    AttendanceStatus,
    Cohort,
    CohortStatus,
    Enrolment,
    EnrolmentStatus,
    Module,
    Organisation,
    Participant,
    PartnerOrganisation,
    Programme,
    Site,
    TeachingSession,
)
from placements.models import (
    ConductCertificateCheck,
    Facility,
    HourEntry,
    HourEntryStatus,
    Placement,
    PlacementStatus,
)

BENCH_PASSWORD = "bench"
BENCH_STAFF = "bench-staff"
BENCH_SUPERVISOR = "bench-supervisor"
BENCH_PARTICIPANT = "bench-participant"
BENCH_PARTNER = "bench-partner"  # member of the partner of every cohort: the dashboard's largest scope
BENCH_COHORT_SIZE = 200
BENCH_COHORT_NUMBER_SUFFIX = "-G"  # the bench cohort's run number ends like this, e.g. "2025-G"

FULL = {
    "sites": 50,
    "cohorts": 4000,
    "participants": 100_000,
    "hour_entries": 1_000_000,
    "certificates": 50_000,
}

# --- Names ----------------------------------------------------------------------------------------------

# (weight, given names, family names, vietnamese order). Names as people write them, in full Unicode.
ORIGINS = [
    (
        25,
        "Olena Iryna Tetiana Oksana Yuliia Nataliia Halyna Svitlana Kateryna Mariia Anastasiia Viktoriia "
        "Andrii Dmytro Liudmyla Inna",
        "Kovalenko Shevchenko Bondarenko Melnyk Tkachenko Kravchenko Lysenko Boiko Koval Oliinyk Shevchuk "
        "Polishchuk Moroz Savchenko Rudenko",
    ),
    (
        22,
        "Amal Rania Hiba Nour Lina Dima Samira Fatima Aisha Mariam Yasmin Huda Rasha Salma Layla Ahmad "
        "Mohammed Omar Khaled Youssef",
        "Al-Hassan Haddad Khalil Saleh Nasser Mansour Ibrahim Al-Ahmad Darwish Hamdan Abu-Zaid El-Masri "
        "Qasim Al-Khatib Suleiman",
    ),
    (
        18,
        "Ayşe Elif Gülşen Emine Hatice Zeynep Fatma Özlem Büşra Şeyma Savaş Mehmet Çağla Gökhan Dilek Sevgi",
        "Demir Şahin Öztürk Çelik Arslan Kaya Yılmaz Yıldız Doğan Aydın Özdemir Kılıç Çetin Koç Güneş",
    ),
    (
        13,
        "Fatemeh Zahra Maryam Leila Parisa Shirin Mina Nasrin Azadeh Mahsa Reza Ali Niloufar Soraya Roya",
        "Rahimi Mohammadi Karimi Hosseini Ahmadi Moradi Jafari Rezaei Hashemi Sadeghi Ghasemi Nazari Sharifi",
    ),
    (
        10,
        "Małgorzata Agnieszka Katarzyna Joanna Ewa Anna Łukasz Magdalena Dorota Beata Krzysztof Paweł Grażyna Zofia",
        "Kowalczyk Wiśniewska Zając Dąbrowska Grabowska Pawłowska Wróbel Nowak Kamińska Lewandowska "
        "Woźniak Szymańska Żak Mazur",
    ),
    (
        7,
        # Vietnamese: family name first when spoken; stored as family "Nguyễn", given "Thị Lan".
        "Thị|Lan Thị|Hương Thị|Mai Thị|Thu Thị|Ngọc Thị|Yến Thị|Hạnh Văn|Minh Thị|Hoa Thị|Thảo Đức|Anh "
        "Thị|Phương Thị|Hằng",
        "Nguyễn Trần Lê Phạm Hoàng Vũ Đỗ Bùi Đặng Huỳnh Phan Võ",
    ),
    (
        5,
        "Sabine Petra Claudia Sandra Nicole Stefanie Monika Andrea",
        "Schulte Hölscher Terhorst Böckenhoff Wessels Brüggemann Kötter Lübbers",
    ),
]
_NAME_POOLS = [
    (weight, [g.replace("|", " ") for g in given.split()], family.split()) for weight, given, family in ORIGINS
]
_NAME_WEIGHTS = [weight for weight, _, _ in _NAME_POOLS]

STAFF_NAMES = [
    ("Anna", "Schulte"),
    ("Birgit", "Hoffmann"),
    ("Canan", "Aydın"),
    ("Markus", "Terhorst"),
    ("Jörg", "Brüggemann"),
    ("Sevim", "Özkan"),
    ("Ulrike", "Weßels"),
    ("Thomas", "Kötter"),
]

SCALE_PARTNER = "Kommunales Integrationszentrum"

# --- Places: the provider's sites in NRW, with the Jobcenter that funds there ---------------------------

SITES = [
    ("Dülmen", "Kreisjobcenter Coesfeld"),
    ("Coesfeld", "Kreisjobcenter Coesfeld"),
    ("Lüdinghausen", "Kreisjobcenter Coesfeld"),
    ("Borken", "Kreisjobcenter Borken"),
    ("Bocholt", "Kreisjobcenter Borken"),
    ("Ahaus", "Kreisjobcenter Borken"),
    ("Gronau", "Kreisjobcenter Borken"),
    ("Rheine", "Jobcenter Kreis Steinfurt"),
    ("Ibbenbüren", "Jobcenter Kreis Steinfurt"),
    ("Münster", "Jobcenter Münster"),
    ("Ahlen", "Jobcenter Kreis Warendorf"),
    ("Beckum", "Jobcenter Kreis Warendorf"),
    ("Recklinghausen", "Vestische Arbeit Jobcenter Kreis Recklinghausen"),
    ("Marl", "Vestische Arbeit Jobcenter Kreis Recklinghausen"),
    ("Dorsten", "Vestische Arbeit Jobcenter Kreis Recklinghausen"),
    ("Haltern am See", "Vestische Arbeit Jobcenter Kreis Recklinghausen"),
    ("Gelsenkirchen", "Jobcenter Gelsenkirchen"),
    ("Bottrop", "Jobcenter Bottrop"),
    ("Gladbeck", "Vestische Arbeit Jobcenter Kreis Recklinghausen"),
    ("Hamm", "Jobcenter Hamm"),
    ("Unna", "Jobcenter Kreis Unna"),
    ("Lünen", "Jobcenter Kreis Unna"),
    ("Dortmund", "Jobcenter Dortmund"),
    ("Bochum", "Jobcenter Bochum"),
    ("Herne", "Jobcenter Herne"),
    ("Hagen", "Jobcenter Hagen"),
    ("Iserlohn", "Jobcenter Märkischer Kreis"),
    ("Lüdenscheid", "Jobcenter Märkischer Kreis"),
    ("Siegen", "Jobcenter Kreis Siegen-Wittgenstein"),
    ("Olpe", "Jobcenter Kreis Olpe"),
    ("Arnsberg", "Jobcenter Hochsauerlandkreis"),
    ("Soest", "Jobcenter Kreis Soest"),
    ("Lippstadt", "Jobcenter Kreis Soest"),
    ("Paderborn", "Jobcenter Kreis Paderborn"),
    ("Gütersloh", "Jobcenter Kreis Gütersloh"),
    ("Bielefeld", "Jobcenter Arbeitplus Bielefeld"),
    ("Herford", "Jobcenter Herford"),
    ("Minden", "Jobcenter Minden-Lübbecke"),
    ("Detmold", "Jobcenter Lippe"),
    ("Höxter", "Jobcenter Kreis Höxter"),
    ("Düren", "Jobcenter Kreis Düren"),
    ("Aachen", "Jobcenter StädteRegion Aachen"),
    ("Heinsberg", "Jobcenter Kreis Heinsberg"),
    ("Mönchengladbach", "Jobcenter Mönchengladbach"),
    ("Krefeld", "Jobcenter Krefeld"),
    ("Viersen", "Jobcenter Kreis Viersen"),
    ("Kleve", "Jobcenter Kreis Kleve"),
    ("Wesel", "Jobcenter Kreis Wesel"),
    ("Duisburg", "Jobcenter Duisburg"),
    ("Oberhausen", "Jobcenter Oberhausen"),
    ("Mülheim an der Ruhr", "Sozialagentur Mülheim an der Ruhr"),
    ("Essen", "JobCenter Essen"),
    ("Düsseldorf", "Jobcenter Düsseldorf"),
    ("Neuss", "Jobcenter Rhein-Kreis Neuss"),
    ("Solingen", "Jobcenter Solingen"),
    ("Wuppertal", "Jobcenter Wuppertal"),
    ("Köln", "Jobcenter Köln"),
    ("Bergisch Gladbach", "Jobcenter Rheinisch-Bergischer Kreis"),
    ("Gummersbach", "Jobcenter Oberberg"),
    ("Bonn", "Jobcenter Bonn"),
]

PROVIDERS = [
    "AWO Unterbezirk Münsterland-Recklinghausen",
    "Caritasverband für das Bistum Münster",
    "Diakonie Rheinland-Westfalen-Lippe",
    "DRK-Landesverband Westfalen-Lippe",
    "Der Paritätische NRW",
    "Internationaler Bund West",
    "AWO Bezirksverband Niederrhein",
    "Caritasverband für das Erzbistum Köln",
    "Volkshochschule Ruhr",
    "Diakonisches Werk Bielefeld",
    "DRK Kreisverband Siegen-Wittgenstein",
    "Bildungswerk Aachen",
]

MODULES = [
    ("Bildungsgrundsätze NRW", 64, "Die zehn Bildungsbereiche, Bild vom Kind, Beobachtung und Dokumentation."),
    ("Kinderrechte und Partizipation", 48, "UN-Kinderrechtskonvention, Partizipation, Vielfalt."),
    ("Kindeswohl und Kinderschutz", 40, "Kindeswohlgefährdung erkennen, Handeln nach § 8a SGB VIII."),
    ("Sprache und Mehrsprachigkeit", 32, "Alltagsintegrierte Sprachbildung, Mehrsprachigkeit, Bewerbung."),
]
SESSION_UNITS = 8  # a teaching day, 08:30–15:00 with breaks = 8 units of 45 minutes
SESSION_START = datetime.time(8, 30)
SESSION_END = datetime.time(15, 0)
SESSION_MINUTES = 390
TRAINERS = ["Birgit Hoffmann", "Dr. Canan Aydın", "Markus Terhorst", "Elke Wiesmann", "Hamid Rezaei"]
KITA_NAMES = [
    "Kita Regenbogen",
    "AWO-Kita Sonnenschein",
    "Familienzentrum St. Marien",
    "Kita Pusteblume",
    "Ev. Kita Arche Noah",
    "Kita Kunterbunt",
    "Städt. Kita Wirbelwind",
    "Kita Löwenzahn",
]
OGS_NAMES = ["OGS Grundschule am Park", "OGS Marienschule", "OGS Ludgerusschule"]
ACTIVITIES = [
    "Begleitung im Gruppenalltag",
    "Frühstück und Freispiel begleitet",
    "Sprachförderung in der Kleingruppe",
    "Elterngespräch übersetzt",
    "Hausaufgabenbetreuung in der OGS",
]
REASONS = [
    "Arbeitsaufnahme als Küchenhilfe",
    "Umzug in eine andere Stadt",
    "Gesundheitliche Gründe",
    "Betreuung eines Angehörigen",
    "Aufnahme eines Sprachkurses (B2)",
]

WEEK = datetime.timedelta(days=7)
DAY = datetime.timedelta(days=1)
TEACHING_WEEKS = 18
RUN_WEEKS = 21
# Sessions per module: 8 + 6 + 5 + 4 = 23 days of 8 units = 184 units (138 hours).
SESSIONS_PER_MODULE = [units // SESSION_UNITS for _, units, _ in MODULES]
TWO = Decimal("0.01")
ONE = Decimal("0.1")


def one_decimal(value) -> Decimal:
    return Decimal(value).quantize(ONE, rounding=ROUND_HALF_UP)


def units_for(late: int, early: int) -> Decimal:
    """What courses.models.attended_units_for gives for a present participant of one of our sessions."""
    missed = sum(m for m in (late, early) if m > 15)
    value = Decimal(SESSION_UNITS) * Decimal(SESSION_MINUTES - missed) / Decimal(SESSION_MINUTES)
    return value.quantize(TWO, rounding=ROUND_HALF_UP)


@dataclass
class CohortPlan:
    pk: int
    org: int  # index into organisations
    site: int  # site pk
    start: datetime.date
    end: datetime.date
    status: str
    size: int
    bench: bool = False
    sessions: list = field(default_factory=list)  # (pk, module index, date)
    enrolments: list = field(default_factory=list)  # EnrolmentPlan


@dataclass
class EnrolmentPlan:
    pk: int
    participant: int
    born: datetime.date
    given: str
    family: str
    withdrawn_on: datetime.date | None
    reliability: float
    attended: list = field(default_factory=lambda: [Decimal(0)] * len(MODULES))
    placement: dict | None = None  # facility, type, confirmed, complete
    user: int | None = None  # login (participants of running cohorts log their hours)


class Ids:
    """Primary keys handed out here, starting after what the table already holds."""

    def __init__(self):
        self._next = {}

    def take(self, model, count: int = 1) -> int:
        if model not in self._next:
            last = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            self._next[model] = last + 1
        first = self._next[model]
        self._next[model] += count
        return first


class ScaleGenerator:
    def __init__(self, *, seed=2022, scale=1.0, today=None, qr_codes="bench", batch_size=None, out=print):
        self.rng = random.Random(seed)
        self.seed = seed
        self.scale = scale
        self.today = today or timezone.localdate()
        self.qr_codes = qr_codes
        self.out = out
        self.ids = Ids()
        vendor = connection.vendor
        self.batch_size = batch_size or (5000 if vendor == "postgresql" else 999)
        self.counts: dict[str, int] = defaultdict(int)
        self.targets = {key: max(1, round(value * scale)) for key, value in FULL.items()}
        self.targets["sites"] = max(3, self.targets["sites"])
        self.targets["cohorts"] = max(6, self.targets["cohorts"])
        least = self.targets["cohorts"] * 8 + BENCH_COHORT_SIZE
        self.targets["participants"] = max(least, self.targets["participants"])
        self.password = make_password(BENCH_PASSWORD, salt=f"scale{seed}")
        self.tz = timezone.get_current_timezone()

    # --- plumbing ---------------------------------------------------------------------------------------

    def log(self, text: str) -> None:
        self.out(f"[{time.perf_counter() - self.started:7.1f}s] {text}")

    def bulk(self, model, objects) -> None:
        """bulk_create from any iterable, in batches, without holding it all in memory."""
        batch = []
        for obj in objects:
            batch.append(obj)
            if len(batch) >= self.batch_size:
                model.objects.bulk_create(batch, batch_size=self.batch_size)
                self.counts[model._meta.label] += len(batch)
                batch = []
        if batch:
            model.objects.bulk_create(batch, batch_size=self.batch_size)
            self.counts[model._meta.label] += len(batch)

    def insert(self, model, names: list[str], rows) -> None:
        """Plain INSERTs for the big tables (core.bulk.insert_rows): tuples in the order of ``names``."""
        self.counts[model._meta.label] += insert_rows(model, names, rows)

    def insert_objects(self, model, objects) -> None:
        """``insert`` for model instances built here (every column, including auto_now_add ones, set)."""
        names = [f.name for f in model._meta.concrete_fields]
        attnames = [f.attname for f in model._meta.concrete_fields]
        self.insert(model, names, (tuple(getattr(obj, a) for a in attnames) for obj in objects))

    def aware(self, day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.tz)

    def name(self) -> tuple[str, str]:
        _, given, family = self.rng.choices(_NAME_POOLS, weights=_NAME_WEIGHTS)[0]
        return self.rng.choice(given), self.rng.choice(family)

    # --- the run ----------------------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        self.started = time.perf_counter()
        self.log(
            f"seed {self.seed}, scale {self.scale}, today {self.today:%d.%m.%Y}, database {connection.vendor}, "
            f"batches of {self.batch_size}"
        )
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=OFF")
                cursor.execute("PRAGMA cache_size=-262144")  # 256 MB for this connection's index builds
                cursor.execute("PRAGMA temp_store=MEMORY")
        steps = [
            self.build_organisations,
            self.build_users,
            self.build_cohorts,
            self.build_participants,
            self.build_sessions,
            self.build_attendance,
            self.build_facilities,
            self.build_placements,
            self.build_certificates,
            self.build_bench_logins,
            self.build_dashboard_figures,
        ]
        for step in steps:
            with transaction.atomic():
                step()
        self.finish()
        return dict(self.counts)

    def build_dashboard_figures(self) -> None:
        from dashboard.services import figures_rebuild

        partner = self.user(BENCH_PARTNER, "Jana", "Wessels", Role.PARTNER)
        self.bulk(get_user_model(), [partner])
        PartnerOrganisation.objects.get(name=SCALE_PARTNER).members.add(partner)

        self.counts["dashboard figures"] = figures_rebuild(today=self.today)
        self.log(f"dashboard figures of {self.counts['dashboard figures']:,} cohorts")

    def finish(self) -> None:
        models = [
            Organisation,
            Site,
            Programme,
            Module,
            Cohort,
            Participant,
            Enrolment,
            TeachingSession,
            AttendanceRecord,
            Facility,
            Placement,
            ConductCertificateCheck,
            HourEntry,
            get_user_model(),
        ]
        from certificates.models import Certificate

        models.append(Certificate)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                # VACUUM also marks the new pages all-visible, so counts can be read from indexes alone, as
                # on a live database once autovacuum has passed (a provider's 20,000 placements: 7 ms, not 18).
                self.log("VACUUM ANALYZE (visibility map and planner statistics)")
                cursor.execute("VACUUM ANALYZE")
            else:
                self.log("ANALYZE (planner statistics)")
                cursor.execute("ANALYZE")
        self.log("done: " + ", ".join(f"{label} {count:,}" for label, count in sorted(self.counts.items())))

    # --- organisations, sites, programmes ------------------------------------------------------------------

    def build_organisations(self) -> None:
        site_count = self.targets["sites"]
        org_count = max(2, min(len(PROVIDERS), round(site_count / 4)))
        # The first provider is the large one: 30 % of the sites; the others share the rest.
        shares = [max(1, round(site_count * 0.3))]
        rest = site_count - shares[0]
        for i in range(org_count - 1):
            shares.append(rest // (org_count - 1) + (1 if i < rest % (org_count - 1) else 0))
        first_org = self.ids.take(Organisation, org_count)
        self.orgs = []
        orgs, sites, programmes, modules = [], [], [], []
        site_names = list(SITES)
        self.rng.shuffle(site_names)
        first_site = self.ids.take(Site, site_count)
        first_programme = self.ids.take(Programme, org_count)
        first_module = self.ids.take(Module, org_count * len(MODULES))
        self.sites = []  # (pk, org index, funding body, city)
        for index in range(org_count):
            org_pk = first_org + index
            orgs.append(Organisation(pk=org_pk, name=PROVIDERS[index], address=f"Hauptstraße {index + 1}\n4{index}000"))
            programme_pk = first_programme + index
            programmes.append(
                Programme(
                    pk=programme_pk,
                    organisation_id=org_pk,
                    title="Integrationsbegleiter:in in Kitas",
                    description="Qualifizierung für Menschen mit Einwanderungsgeschichte in Kita und OGS.",
                    min_attendance_percent=80,
                    required_placement_hours=90,
                    allowed_facility_types=["kita", "ogs"],
                )
            )
            module_pks = []
            for position, (title, units, text) in enumerate(MODULES, start=1):
                pk = first_module + index * len(MODULES) + position - 1
                module_pks.append(pk)
                modules.append(
                    Module(
                        pk=pk,
                        programme_id=programme_pk,
                        position=position,
                        title=title,
                        planned_units=units,
                        description=text,
                    )
                )
            self.orgs.append({"pk": org_pk, "programme": programme_pk, "modules": module_pks, "sites": []})
            for _ in range(shares[index]):
                city, funder = site_names[len(self.sites) % len(site_names)]
                number = len(self.sites) // len(site_names)
                name = city if number == 0 else f"{city} {number + 1}"
                site_pk = first_site + len(self.sites)
                sites.append(Site(pk=site_pk, organisation_id=org_pk, name=name, address=f"Bahnhofstraße 1\n{city}"))
                self.sites.append((site_pk, index, funder, city))
                self.orgs[index]["sites"].append(site_pk)
        for model, objects in ((Organisation, orgs), (Site, sites), (Programme, programmes), (Module, modules)):
            self.bulk(model, objects)
        self.log(f"{org_count} providers, {site_count} sites, {org_count} programmes")

    # --- staff and supervisor logins --------------------------------------------------------------------

    def user(self, username, first, last, role) -> object:
        User = get_user_model()
        pk = self.ids.take(User)
        return User(
            pk=pk,
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            role=role,
            password=self.password,
            date_joined=self.aware(self.today - 3 * 365 * DAY),
        )

    def build_users(self) -> None:
        users, links = [], []
        Through = Organisation.staff_members.through
        for index, org in enumerate(self.orgs):
            org["staff"] = []
            count = 3 + len(org["sites"]) // 3
            for n in range(count):
                first, last = STAFF_NAMES[(index + n) % len(STAFF_NAMES)]
                user = self.user(f"staff-{index + 1}-{n + 1}", first, last, Role.STAFF)
                users.append(user)
                org["staff"].append(user.pk)
                links.append(Through(organisation_id=org["pk"], user_id=user.pk))
        bench = self.user(BENCH_STAFF, "Bettina", "Benchmann", Role.STAFF)
        users.append(bench)
        links.append(Through(organisation_id=self.orgs[0]["pk"], user_id=bench.pk))
        self.bulk(get_user_model(), users)
        self.bulk(Through, links)
        self.log(f"{len(users)} staff logins")

    # --- cohorts ----------------------------------------------------------------------------------------

    def build_cohorts(self) -> None:
        count = self.targets["cohorts"]
        people = self.targets["participants"]
        # Runs start on Mondays over the last five years and the coming one.
        monday = self.today - datetime.timedelta(days=self.today.weekday())
        first_start = monday - 5 * 52 * WEEK
        span_weeks = 6 * 52
        sizes = [0] * count
        sizes[0] = BENCH_COHORT_SIZE
        rest = people - BENCH_COHORT_SIZE
        for i in range(1, count):
            sizes[i] = rest // (count - 1) + (1 if i - 1 < rest % (count - 1) else 0)
        # Vary the sizes (pairs of ±n keep the total).
        for i in range(1, count - 1, 2):
            shift = self.rng.randint(0, min(10, sizes[i] - 8, sizes[i + 1] - 8))
            sizes[i] += shift
            sizes[i + 1] -= shift
        first_pk = self.ids.take(Cohort, count)
        # A few dozen organisations, made the ordinary way (their ids come from the sequence).
        funder_ids = {
            name: PartnerOrganisation.objects.get_or_create(name=name)[0].pk
            for name in sorted({s[2] for s in self.sites} | {SCALE_PARTNER})
        }
        in_practice = max(2, count // 100)
        self.cohorts: list[CohortPlan] = []
        numbers: dict[tuple[int, int], int] = defaultdict(int)
        objects = []
        for i in range(count):
            if i == 0:
                # The bench cohort: 200 people, at the large provider, finished a month ago.
                site_pk, org_index = self.orgs[0]["sites"][0], 0
                start = monday - (RUN_WEEKS + 4) * WEEK
            else:
                site_pk, org_index, _, _ = self.rng.choice(self.sites)
                start = first_start + self.rng.randrange(span_weeks) * WEEK
                if i <= in_practice:
                    # Some runs are in their practical phase today, so supervisors have hours to confirm.
                    start = monday - (TEACHING_WEEKS + i % 3) * WEEK
            end = start + RUN_WEEKS * WEEK - 3 * DAY
            status = (
                CohortStatus.PLANNED
                if start > self.today
                else CohortStatus.FINISHED
                if end < self.today
                else CohortStatus.RUNNING
            )
            plan = CohortPlan(first_pk + i, org_index, site_pk, start, end, status, sizes[i], bench=i == 0)
            self.cohorts.append(plan)
            numbers[(site_pk, start.year)] += 1
            number = f"{start.year}-{numbers[(site_pk, start.year)]}"
            if plan.bench:
                number = f"{start.year}{BENCH_COHORT_NUMBER_SUFFIX}"
            funder = next(s[2] for s in self.sites if s[0] == site_pk)
            objects.append(
                Cohort(
                    pk=plan.pk,
                    programme_id=self.orgs[org_index]["programme"],
                    site_id=site_pk,
                    number=number,
                    start_date=start,
                    end_date=end,
                    capacity=max(15, plan.size),
                    status=status,
                    funding_body_id=funder_ids[funder],
                    measure_number=f"962/{plan.pk:04d}/{start.year % 100:02d}",
                )
            )
        self.bulk(Cohort, objects)
        Link = Cohort.partners.through
        partner = funder_ids[SCALE_PARTNER]
        self.bulk(Link, (Link(cohort_id=plan.pk, partnerorganisation_id=partner) for plan in self.cohorts))
        by_status = defaultdict(int)
        for plan in self.cohorts:
            by_status[plan.status] += 1
        self.log(f"{count:,} cohorts ({dict(by_status)})")

    # --- participants and enrolments --------------------------------------------------------------------

    def build_participants(self) -> None:
        total = sum(plan.size for plan in self.cohorts)
        first_participant = self.ids.take(Participant, total)
        first_enrolment = self.ids.take(Enrolment, total)
        rng = self.rng
        n = 0
        logins = []

        def participants():
            nonlocal n
            for plan in self.cohorts:
                org_pk = self.orgs[plan.org]["pk"]
                for _ in range(plan.size):
                    given, family = self.name()
                    born = datetime.date(rng.randint(1966, 2004), rng.randint(1, 12), rng.randint(1, 28))
                    pk = first_participant + n
                    withdrawn = None
                    if plan.status != CohortStatus.PLANNED and rng.random() < 0.05 and not plan.bench:
                        withdrawn = plan.start + rng.randrange(1, 15 * 7) * DAY
                        if withdrawn > self.today:
                            withdrawn = None
                    reliability = rng.choices([0.02, 0.05, 0.15], weights=[70, 25, 5])[0]
                    if plan.bench:
                        reliability = 0.02
                    e = EnrolmentPlan(first_enrolment + n, pk, born, given, family, withdrawn, reliability)
                    plan.enrolments.append(e)
                    n += 1
                    if plan.status == CohortStatus.RUNNING and not withdrawn:
                        login = self.user(f"tn-{pk}", given, family, Role.PARTICIPANT)
                        logins.append(login)
                        e.user = login.pk
                    yield (
                        pk,
                        org_pk,
                        e.user,
                        given,
                        family,
                        born,
                        "",
                        f"0{rng.randint(151, 179)} {rng.randint(1000000, 9999999)}",
                        "",
                        rng.choice(["A2", "B1", "B1", "B1", "B2", "B2", "C1"]),
                        f"{plan.site % 900 + 100}D{pk:07d}",
                        f"{fold(family)} {fold(given)}",  # what Participant.save() computes
                        self.aware(plan.start - 21 * DAY, 10),
                    )

        names = "id organisation user given_name family_name date_of_birth email phone address german_level"
        names += " jobcenter_customer_number name_key created_at"
        self.insert(Participant, names.split(), participants())
        self.bulk(get_user_model(), logins)  # foreign keys are checked at commit
        self.log(f"{n:,} participants, {len(logins):,} participant logins (running cohorts)")

        def enrolments():
            for plan in self.cohorts:
                staff = self.orgs[plan.org]["staff"]
                for e in plan.enrolments:
                    yield (
                        e.pk,
                        plan.pk,
                        e.participant,
                        EnrolmentStatus.WITHDRAWN if e.withdrawn_on else EnrolmentStatus.ACTIVE,
                        plan.start - 14 * DAY,
                        e.withdrawn_on,
                        rng.choice(REASONS) if e.withdrawn_on else "",
                        staff[0],
                        self.aware(plan.start - 14 * DAY, 10),
                    )

        names = "id cohort participant status enrolled_on withdrawn_on withdrawal_reason created_by created_at"
        self.insert(Enrolment, names.split(), enrolments())
        self.log(f"{n:,} enrolments")

    # --- teaching sessions and attendance ---------------------------------------------------------------

    def build_sessions(self) -> None:
        per_cohort = sum(SESSIONS_PER_MODULE)
        first = self.ids.take(TeachingSession, per_cohort * len(self.cohorts))
        # Two teaching days a week (Tuesday and Thursday) over 18 weeks: 36 slots for 23 sessions.
        slots = [week * WEEK + weekday * DAY for week in range(TEACHING_WEEKS) for weekday in (1, 3)]
        step = len(slots) / per_cohort
        offsets = [slots[int(k * step)] for k in range(per_cohort)]
        module_of = [m for m, count in enumerate(SESSIONS_PER_MODULE) for _ in range(count)]

        def sessions():
            pk = first
            for plan in self.cohorts:
                modules = self.orgs[plan.org]["modules"]
                staff = self.orgs[plan.org]["staff"][0]
                for k in range(per_cohort):
                    day = plan.start + offsets[k]
                    plan.sessions.append((pk, module_of[k], day))
                    yield (
                        pk,
                        plan.pk,
                        modules[module_of[k]],
                        day,
                        SESSION_START,
                        SESSION_END,
                        SESSION_UNITS,
                        MODULES[module_of[k]][0],
                        TRAINERS[(plan.pk + module_of[k]) % len(TRAINERS)],
                        staff,
                        self.aware(plan.start - 7 * DAY, 11),
                    )
                    pk += 1

        names = "id cohort module date start_time end_time units topic trainer created_by created_at"
        self.insert(TeachingSession, names.split(), sessions())
        self.log(f"{self.counts['courses.TeachingSession']:,} teaching sessions")

    def build_attendance(self) -> None:
        rng = self.rng
        full = units_for(0, 0)
        codes = [AttendanceStatus.SICK, AttendanceStatus.EXCUSED, AttendanceStatus.UNEXCUSED]
        first = self.ids.take(AttendanceRecord, 0)
        zero = Decimal("0.00")
        pk = first

        def records():
            nonlocal pk
            for plan in self.cohorts:
                if plan.status == CohortStatus.PLANNED:
                    continue
                staff = self.orgs[plan.org]["staff"][0]
                held = [s for s in plan.sessions if s[2] <= self.today]
                for e in plan.enrolments:
                    attended = e.attended
                    for session_pk, module, day in held:
                        if e.withdrawn_on and day > e.withdrawn_on:
                            break
                        late = early = 0
                        if rng.random() < e.reliability:
                            status = rng.choices(codes, weights=[5, 3, 2])[0]
                            units = zero
                        else:
                            status = AttendanceStatus.PRESENT
                            units = full
                            if rng.random() < 0.04:
                                late = rng.choice([20, 30, 45, 60])
                                units = units_for(late, 0)
                            attended[module] += units
                        at = recorded[day]
                        yield (pk, session_pk, e.pk, status, late, early, units, "", staff, at, at)
                        pk += 1

        recorded = defaultdict(lambda: None)
        for plan in self.cohorts:
            for _, _, day in plan.sessions:
                if day not in recorded:
                    recorded[day] = self.aware(day, 15, 10)
        names = "id session enrolment status late_minutes early_minutes attended_units note recorded_by"
        names += " recorded_at updated_at"
        self.insert(AttendanceRecord, names.split(), records())
        self.ids._next[AttendanceRecord] = pk
        self.log(f"{self.counts['courses.AttendanceRecord']:,} attendance records")

    # --- facilities, supervisors, placements, hour entries -----------------------------------------------

    def build_facilities(self) -> None:
        User = get_user_model()
        Through = Facility.supervisors.through
        facilities, users, links = [], [], []
        self.facilities_of_site: dict[int, list[tuple[int, str, list[int]]]] = defaultdict(list)
        first = self.ids.take(Facility, len(self.sites) * 8)
        n = 0
        for site_pk, org_index, _, city in self.sites:
            specs = [(name, "kita") for name in KITA_NAMES[:6]] + [(name, "ogs") for name in OGS_NAMES[:2]]
            for name, kind in specs:
                pk = first + n
                n += 1
                facilities.append(
                    Facility(
                        pk=pk,
                        organisation_id=self.orgs[org_index]["pk"],
                        name=f"{name} {city}" if not name.endswith(city) else name,
                        facility_type=kind,
                        provider="Stadt " + city if "Städt" in name else PROVIDERS[org_index],
                        address=f"Am Markt {n % 40 + 1}\n{city}",
                        contact_name="Leitung",
                    )
                )
                supervisors = []
                for k in range(self.rng.choice([1, 1, 2])):
                    first_name, last_name = self.name()
                    user = self.user(f"anleitung-{pk}-{k + 1}", first_name, last_name, Role.SUPERVISOR)
                    users.append(user)
                    supervisors.append(user.pk)
                    links.append(Through(facility_id=pk, user_id=user.pk))
                self.facilities_of_site[site_pk].append((pk, kind, supervisors))
        self.bulk(Facility, facilities)
        self.bulk(User, users)
        self.bulk(Through, links)
        self.log(f"{len(facilities):,} facilities, {len(users):,} supervisor logins")

    def build_placements(self) -> None:
        rng = self.rng
        # Who has reached the practical phase (weeks 19–21), or starts it within three weeks.
        candidates = []
        for plan in self.cohorts:
            practice = plan.start + TEACHING_WEEKS * WEEK
            if practice - 21 * DAY > self.today:
                continue
            for e in plan.enrolments:
                if not e.withdrawn_on:
                    candidates.append((plan, e))
        days_each = 15
        started = sum(1 for plan, _ in candidates if plan.start + TEACHING_WEEKS * WEEK <= self.today)
        chance = min(0.97, self.targets["hour_entries"] / max(1, days_each * started))
        self.log(f"{len(candidates):,} enrolments reached the practical phase; placement chance {chance:.2f}")
        retention = datetime.timedelta(days=92)
        placements, checks, entry_specs = [], [], []
        first_placement = self.ids.take(Placement, len(candidates))
        n = 0
        for plan, e in candidates:
            if not plan.bench and rng.random() > chance:
                continue
            pk = first_placement + n
            n += 1
            start = plan.start + TEACHING_WEEKS * WEEK
            end = plan.end
            facility_pk, kind, supervisors = rng.choice(self.facilities_of_site[plan.site])
            supervisor = rng.choice(supervisors)
            staff = self.orgs[plan.org]["staff"][0]
            active = start <= self.today
            complete = active or rng.random() < 0.7
            deleted = active and end + retention < self.today
            measles = e.born > datetime.date(1970, 12, 31)
            placements.append(
                Placement(
                    pk=pk,
                    enrolment_id=e.pk,
                    facility_id=facility_pk,
                    supervisor_id=supervisor,
                    start_date=start,
                    end_date=end,
                    planned_hours=90,
                    status=PlacementStatus.ACTIVE if active else PlacementStatus.PLANNED,
                    measles_proof_seen_at=self.aware(start - 15 * DAY) if measles and complete else None,
                    measles_proof_seen_by_id=staff if measles and complete else None,
                    infection_instruction_date=start - 10 * DAY if complete else None,
                    infection_instruction_recorded_at=self.aware(start - 10 * DAY) if complete else None,
                    infection_instruction_recorded_by_id=staff if complete else None,
                    conduct_check_deleted_at=self.aware(end + retention, 3) if deleted else None,
                    activated_at=self.aware(start, 8) if active else None,
                    activated_by_id=staff if active else None,
                    created_by_id=staff,
                    created_at=self.aware(start - 25 * DAY, 10),
                )
            )
            if complete and not deleted:
                inspected = start - 20 * DAY
                checks.append(
                    ConductCertificateCheck(
                        placement_id=pk,
                        inspected_on=inspected,
                        issue_date=inspected - rng.randint(5, 60) * DAY,
                        has_relevant_entry=False,
                        checked_by_id=staff,
                        checked_at=self.aware(inspected, 11),
                    )
                )
            e.placement = {"pk": pk, "type": kind, "facility": facility_pk, "confirmed": 0, "complete": complete}
            if active:
                entry_specs.append((pk, e, start, min(end, self.today - DAY), supervisor))
        self.insert_objects(Placement, placements)
        first_check = self.ids.take(ConductCertificateCheck, len(checks))
        for n, check in enumerate(checks):
            check.pk = first_check + n
        self.insert_objects(ConductCertificateCheck, checks)
        self.log(f"{len(placements):,} placements, {len(checks):,} certificate-of-conduct checks")
        self.pending_by_facility: dict[int, int] = defaultdict(int)
        first = self.ids.take(HourEntry, 0)
        pk = first
        recent = self.today - 6 * DAY

        def entries():
            nonlocal pk
            for placement_pk, e, start, last, supervisor in entry_specs:
                day = start
                while day <= last:
                    if day.weekday() < 5:
                        work = rng.choice([360, 390, 390, 420])
                        begin = rng.choice([7 * 60 + 30, 8 * 60, 8 * 60 + 30])
                        finish = begin + work + 30
                        if day >= recent:
                            status, decided, reason = HourEntryStatus.PENDING, None, ""
                            self.pending_by_facility[e.placement["facility"]] += 1
                        elif rng.random() < 0.01:
                            status, decided = HourEntryStatus.REJECTED, decided_at[day]
                            reason = "An diesem Tag war die Einrichtung geschlossen."
                        else:
                            status, decided, reason = HourEntryStatus.CONFIRMED, decided_at[day], ""
                            e.placement["confirmed"] += work
                        yield (
                            pk,
                            placement_pk,
                            day,
                            times[begin],
                            times[finish],
                            30,
                            work,
                            rng.choice(ACTIVITIES),
                            status,
                            reason,
                            supervisor if decided else None,
                            decided,
                            e.user,
                            evenings[day],
                        )
                        pk += 1
                    day += DAY

        decided_at = {}
        for _, _, first_day, last_day, _ in entry_specs:
            day = first_day
            while day <= last_day:
                decided_at.setdefault(day, self.aware(day + 2 * DAY, 19))
                day += DAY
        times = {m: datetime.time(m // 60, m % 60) for m in range(0, 24 * 60)}
        evenings = defaultdict(lambda: None)
        for _, _, first_day, last_day, _ in entry_specs:
            day = first_day
            while day <= last_day:
                if day not in evenings:
                    evenings[day] = self.aware(day, 18, 30)
                day += DAY
        names = "id placement date start_time end_time break_minutes work_minutes activity status"
        names += " rejection_reason decided_by decided_at created_by created_at"
        self.insert(HourEntry, names.split(), entries())
        self.ids._next[HourEntry] = pk
        pending = sum(self.pending_by_facility.values())
        self.log(f"{self.counts['placements.HourEntry']:,} hour entries ({pending:,} waiting for confirmation)")

    # --- certificates ------------------------------------------------------------------------------------

    def eligible(self, plan: CohortPlan, e: EnrolmentPlan) -> bool:
        if e.withdrawn_on or e.placement is None or not e.placement["complete"]:
            return False
        if e.placement["confirmed"] < 90 * 60:
            return False
        for index, (_, planned, _) in enumerate(MODULES):
            if one_decimal(one_decimal(e.attended[index]) * 100 / planned) < 80:
                return False
        return True

    def build_certificates(self) -> None:
        from certificates.conf import number_prefix
        from certificates.models import Certificate, CertificateNumberCounter, CertificateStatus
        from certificates.pdf import TEMPLATE_VERSION
        from certificates.snapshot import snapshot_document

        rng = self.rng
        target = self.targets["certificates"]
        finished = [plan for plan in self.cohorts if plan.status == CohortStatus.FINISHED]
        chosen = []
        for plan in sorted(finished, key=lambda p: (not p.bench, p.end)):
            for e in plan.enrolments:
                if len(chosen) < target and self.eligible(plan, e):
                    chosen.append((plan, e))
        chosen.sort(key=lambda pair: (pair[0].end, pair[1].pk))
        org_objects = {o.pk: o for o in Organisation.objects.all()}
        cohorts = Cohort.objects.select_related("site", "programme", "funding_body").prefetch_related("partners")
        cohort_objects = {c.pk: c for c in cohorts}
        staff_names = {u.pk: u.get_full_name() for u in get_user_model().objects.filter(role=Role.STAFF)}
        prefix = number_prefix()
        sequences: dict[int, int] = defaultdict(int)
        first = self.ids.take(Certificate, len(chosen))
        codes = set()
        self.bench_certificate_enrolments = set()
        encoded = 0
        alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
        url_template = settings.SITE_URL + reverse("certificates:verify_code", kwargs={"code": "CODE"})

        def certificates():
            nonlocal encoded
            for n, (plan, e) in enumerate(chosen):
                issued_at = self.aware(plan.end + rng.randint(3, 12) * DAY, 10, rng.randint(0, 59))
                if issued_at.date() > self.today:
                    issued_at = self.aware(self.today, 7)
                year = issued_at.year
                sequences[year] += 1
                number = f"{prefix}-{year}-{sequences[year]:04d}"
                while True:
                    code = "".join(rng.choice(alphabet) for _ in range(16))
                    if code not in codes:
                        codes.add(code)
                        break
                url = url_template.replace("CODE", code)
                cohort = cohort_objects[plan.pk]
                organisation = org_objects[self.orgs[plan.org]["pk"]]
                by = self.orgs[plan.org]["staff"][0]
                language = "de" if rng.random() < 0.9 else "en"
                with_code = self.qr_codes == "all" or (self.qr_codes == "bench" and plan.bench)
                encoded += with_code
                snapshot = snapshot_document(
                    number=number,
                    verification_code=code,
                    verification_url=url,
                    issued_at=issued_at,
                    language=language,
                    organisation=organisation,
                    cohort=cohort,
                    given_name=e.given,
                    family_name=e.family,
                    date_of_birth=e.born,
                    modules=[
                        (index + 1, title, planned, one_decimal(e.attended[index]))
                        for index, (title, planned, _) in enumerate(MODULES)
                    ],
                    placement=(e.placement["type"], e.placement["confirmed"], 90 * 60),
                    signatory=staff_names[by],
                    with_qr_code=with_code,
                )
                if plan.bench:
                    self.bench_certificate_enrolments.add(e.pk)
                yield Certificate(
                    pk=first + n,
                    enrolment_id=e.pk,
                    number=number,
                    prefix=prefix,
                    year=year,
                    sequence=sequences[year],
                    verification_code=code,
                    language=language,
                    template_version=TEMPLATE_VERSION,
                    snapshot=snapshot,
                    status=CertificateStatus.VALID,
                    issued_at=issued_at,
                    issued_by_id=by,
                )

        self.bulk(Certificate, certificates())
        CertificateNumberCounter.objects.bulk_create(
            [CertificateNumberCounter(prefix=prefix, year=year, last_number=last) for year, last in sequences.items()]
        )
        # Having the certificate is what completing the measure means (as certificates.services does).
        ids = [e.pk for _, e in chosen]
        for i in range(0, len(ids), 5000):
            Enrolment.objects.filter(pk__in=ids[i : i + 5000]).update(status=EnrolmentStatus.COMPLETED)
        self.chosen_certificates = chosen
        self.log(
            f"{len(chosen):,} certificates ({encoded:,} with the QR code encoded at issue time)"
            + ("" if len(chosen) >= target else f"; only {len(chosen):,} of {target:,} wanted were eligible")
        )

    # --- bench logins -----------------------------------------------------------------------------------

    def build_bench_logins(self) -> None:
        User = get_user_model()
        # The supervisor with the most pending hours: the facilities with the most, up to six of them.
        top = sorted(self.pending_by_facility.items(), key=lambda item: (-item[1], item[0]))[:6]
        supervisor = self.user(BENCH_SUPERVISOR, "Petra", "Hölscher", Role.SUPERVISOR)
        participant_user = self.user(BENCH_PARTICIPANT, "", "", Role.PARTICIPANT)
        bench = self.cohorts[0]
        holder = next((e for e in bench.enrolments if e.pk in self.bench_certificate_enrolments), bench.enrolments[0])
        participant_user.first_name, participant_user.last_name = holder.given, holder.family
        self.bulk(User, [supervisor, participant_user])
        Through = Facility.supervisors.through
        self.bulk(Through, [Through(facility_id=facility_pk, user_id=supervisor.pk) for facility_pk, _ in top])
        Participant.objects.filter(pk=holder.participant).update(user_id=participant_user.pk)
        self.log(
            f"bench logins (password '{BENCH_PASSWORD}'): {BENCH_STAFF}, {BENCH_SUPERVISOR} "
            f"({sum(c for _, c in top)} pending entries at {len(top)} facilities), {BENCH_PARTICIPANT} "
            f"({holder.given} {holder.family})"
        )
