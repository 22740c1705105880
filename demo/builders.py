"""The demo world: AWO in Dülmen with four runs of the measure. Everything goes through the services,
so the demo obeys the same rules as real data. Each later app adds a ``build_*`` step to ``STEPS``."""

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import Role
from courses import services as course_services
from courses.models import Cohort, CohortStatus, Enrolment, EnrolmentStatus, Module, Organisation, Programme, Site
from placements.models import Facility

DEMO_PASSWORD = "demo"

# Realistic names of the origins the pilot's participants come from (given, family).
NAMES = [
    ("Olena", "Kovalenko"),
    ("Fatemeh", "Rahimi"),
    ("Amal", "Al-Hassan"),
    ("Ayşe", "Demir"),
    ("Trần Thị", "Hương"),
    ("Małgorzata", "Kowalczyk"),
    ("Iryna", "Shevchenko"),
    ("Zahra", "Mohammadi"),
    ("Rania", "Haddad"),
    ("Elif", "Şahin"),
    ("Phạm Thị", "Mai"),
    ("Agnieszka", "Wiśniewska"),
    ("Tetiana", "Bondarenko"),
    ("Maryam", "Karimi"),
    ("Hiba", "Khalil"),
    ("Gülşen", "Öztürk"),
    ("Lê Thị", "Thu"),
    ("Katarzyna", "Zając"),
    ("Oksana", "Melnyk"),
    ("Leila", "Hosseini"),
    ("Nour", "Saleh"),
    ("Emine", "Çelik"),
    ("Vũ Thị", "Ngọc"),
    ("Joanna", "Dąbrowska"),
    ("Yuliia", "Tkachenko"),
    ("Parisa", "Ahmadi"),
    ("Samira", "Mansour"),
    ("Hatice", "Arslan"),
    ("Đỗ Thị", "Hạnh"),
    ("Ewa", "Grabowska"),
    ("Nataliia", "Kravchenko"),
    ("Shirin", "Moradi"),
    ("Lina", "Ibrahim"),
    ("Zeynep", "Kaya"),
    ("Hoàng Thị", "Yến"),
    ("Anna", "Pawłowska"),
    ("Halyna", "Lysenko"),
    ("Mina", "Jafari"),
    ("Dima", "Nasser"),
    ("Savaş", "Yılmaz"),
    ("Nguyễn Thị", "Lan"),
    ("Łukasz", "Wróbel"),
]
LEVELS = ["A2", "B1", "B1", "B1", "B2", "B2", "C1"]


@dataclass
class DemoWorld:
    """What the steps hand on to each other."""

    rng: random.Random
    organisation: Organisation | None = None
    site: Site | None = None
    programme: Programme | None = None
    cohorts: list[Cohort] = field(default_factory=list)
    staff_user: object = None
    supervisor_user: object = None
    participant_user: object = None
    partner_user: object = None
    facilities: list[Facility] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def _user(username, first, last, role, *, superuser=False, email=""):
    User = get_user_model()
    # A fixed salt keeps the dumped fixture stable between rebuilds.
    return User.objects.create(
        username=username,
        first_name=first,
        last_name=last,
        email=email or f"{username}@example.org",
        role=role,
        is_superuser=superuser,
        is_staff=superuser,
        password=make_password(DEMO_PASSWORD, salt="demofixture"),
    )


def build_organisation(world: DemoWorld) -> None:
    world.organisation = Organisation.objects.create(
        name="AWO Unterbezirk Münsterland-Recklinghausen",
        address="Clemens-Höffe-Straße 2\n45657 Recklinghausen",
    )
    world.site = Site.objects.create(
        organisation=world.organisation, name="Dülmen", address="Lüdinghauser Straße 10\n48249 Dülmen"
    )
    world.programme = Programme.objects.create(
        organisation=world.organisation,
        title="Integrationsbegleiter:in in Kitas",
        description=(
            "Qualifizierung für Menschen mit Einwanderungsgeschichte zur Begleitung von Kindern und Familien "
            "in Kindertageseinrichtungen und im Offenen Ganztag."
        ),
        min_attendance_percent=80,
        required_placement_hours=90,
        allowed_facility_types=["kita", "ogs"],
    )
    for position, (title, units, text) in enumerate(
        [
            ("Bildungsgrundsätze NRW", 120, "Die zehn Bildungsbereiche, Bild vom Kind, Beobachtung und Dokumentation."),
            ("Kinderrechte", 60, "UN-Kinderrechtskonvention, Partizipation, Vielfalt und Mehrsprachigkeit."),
            ("Kindeswohl", 60, "Kinderschutz, Kindeswohlgefährdung erkennen, Handeln nach § 8a SGB VIII."),
        ],
        start=1,
    ):
        Module.objects.create(
            programme=world.programme, position=position, title=title, planned_units=units, description=text
        )

    admin = _user("admin", "Admin", "Demo", "", superuser=True)
    world.staff_user = _user("mitarbeiterin", "Anna", "Schulte", Role.STAFF)
    world.organisation.staff_members.add(world.staff_user)
    world.supervisor_user = _user("anleitung", "Petra", "Hölscher", Role.SUPERVISOR)
    world.summary.append(f"Organisation {world.organisation}, site {world.site}, programme {world.programme}")
    world.summary.append(
        f"Logins (password '{DEMO_PASSWORD}'): {admin.username}, mitarbeiterin, anleitung, teilnehmerin, jobcenter"
    )


def build_facilities(world: DemoWorld) -> None:
    specs = [
        ("AWO-Kita Sonnenschein", "kita", "AWO Unterbezirk Münsterland-Recklinghausen", "Sonnenweg 4\n48249 Dülmen"),
        ("Kita St. Viktor", "kita", "Kath. Kirchengemeinde St. Viktor", "Kirchplatz 1\n48249 Dülmen"),
        ("Familienzentrum Regenbogen", "kita", "DRK Kreisverband Coesfeld", "Am Regenbogen 7\n48249 Dülmen"),
        (
            "OGS Paul-Gerhardt-Schule",
            "ogs",
            "AWO Unterbezirk Münsterland-Recklinghausen",
            "Schulstraße 12\n48249 Dülmen",
        ),
    ]
    for name, kind, provider, address in specs:
        world.facilities.append(
            Facility.objects.create(
                organisation=world.organisation, name=name, facility_type=kind, provider=provider, address=address
            )
        )
    world.facilities[0].supervisors.add(world.supervisor_user)
    world.facilities[3].supervisors.add(world.supervisor_user)


def running_run(today: datetime.date) -> tuple[str, datetime.date, datetime.date, str]:
    """The running cohort, placed around the build day (demo.loading moves it to the load day): begun eleven
    weeks before, so its sessions (sixteen weeks Mon–Wed) go on for a few weeks more, then the placement
    phase until the end (22 weeks after the start, a Friday)."""
    start = today - datetime.timedelta(days=today.weekday() + 7 * 11)
    end = start + datetime.timedelta(weeks=22, days=4)
    return f"{start.year}-1", start, end, f"962/0188/{start.year % 100:02d}"


def build_cohorts(world: DemoWorld) -> None:
    rng = world.rng
    common = {
        "funding_body": "Kreisjobcenter Coesfeld",
        "partners": "Kommunales Integrationszentrum Kreis Coesfeld",
        "capacity": 15,
    }
    runs = [
        ("2022-1", datetime.date(2022, 2, 7), datetime.date(2022, 7, 1), "962/0142/22"),
        ("2022-2", datetime.date(2022, 9, 5), datetime.date(2023, 1, 27), "962/0311/22"),
        ("2023-1", datetime.date(2023, 9, 4), datetime.date(2024, 1, 26), "962/0207/23"),
        running_run(timezone.localdate()),
    ]
    names = list(NAMES)
    by = world.staff_user
    sizes = [10, 11, 10, 11]
    for (number, start, end, measure), size in zip(runs, sizes, strict=True):
        cohort = course_services.cohort_create(
            programme=world.programme,
            site=world.site,
            number=number,
            start_date=start,
            end_date=end,
            status=CohortStatus.PLANNED,
            measure_number=measure,
            by=by,
            **common,
        )
        world.cohorts.append(cohort)
        for _ in range(size):
            given, family = names.pop(0)
            born = datetime.date(rng.randint(1972, 2001), rng.randint(1, 12), rng.randint(1, 28))
            enrolment = course_services.participant_create_and_enrol(
                cohort=cohort,
                by=by,
                given_name=given,
                family_name=family,
                date_of_birth=born,
                german_level=rng.choice(LEVELS),
                jobcenter_customer_number=f"362D{rng.randint(100000, 999999)}",
                phone=f"02594 {rng.randint(10000, 99999)}",
            )
            Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_on=start - datetime.timedelta(days=14))
    # One drop-out in the second run, as the Jobcenter would have been told.
    second = world.cohorts[1].enrolments.order_by("participant__name_key").first()
    course_services.enrolment_withdraw(
        enrolment=second, on=datetime.date(2022, 10, 14), reason="Arbeitsaufnahme als Küchenhilfe", by=by
    )
    for cohort in world.cohorts[:3]:
        Cohort.objects.filter(pk=cohort.pk).update(status=CohortStatus.FINISHED)
        cohort.enrolments.filter(status=EnrolmentStatus.ACTIVE).update(status=EnrolmentStatus.COMPLETED)
        cohort.status = CohortStatus.FINISHED
    running = world.cohorts[3]
    Cohort.objects.filter(pk=running.pk).update(status=CohortStatus.RUNNING)
    running.status = CohortStatus.RUNNING
    # The participant login belongs to Nguyễn Thị Lan, whose name tests every script feature at once.
    lan = running.enrolments.get(participant__family_name="Lan").participant
    course_services.participant_login_create(
        participant=lan, username="teilnehmerin", password="Demo-Passwort-2026", by=by
    )
    get_user_model().objects.filter(username="teilnehmerin").update(
        password=make_password(DEMO_PASSWORD, salt="demofixture")
    )
    world.participant_user = get_user_model().objects.get(username="teilnehmerin")
    # The funder's read-only log-in: it sees the figures of these cohorts (customer numbers, not names).
    world.partner_user = _user("jobcenter", "Jens", "Brüggemann", Role.PARTNER)
    world.cohorts[0].funding_body.members.add(world.partner_user)
    world.summary.append(f"{len(world.cohorts)} cohorts, {sum(sizes)} participants")


def _later_steps():
    # Each later app's demo part lives in its own module, so their work never collides.
    from demo import steps_attendance, steps_certificates, steps_outcomes, steps_placements, steps_spreadsheets

    return (
        steps_attendance.STEPS
        + steps_placements.STEPS
        + steps_certificates.STEPS
        + steps_spreadsheets.STEPS
        + steps_outcomes.STEPS
    )


STEPS = [build_organisation, build_facilities, build_cohorts]


def build_all(*, seed: int = 2022) -> list[str]:
    world = DemoWorld(rng=random.Random(seed))
    for step in STEPS + _later_steps():
        step(world)
    return world.summary
