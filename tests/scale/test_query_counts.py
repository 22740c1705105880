"""Every list page makes the same number of queries for a cohort of 10 and one of 200 participants.

Two complete worlds (provider, cohort, sessions with a full register, placements with confirmed and
pending hours, certificates for half the people) are written with bulk_create, one with 10 and one with
200 people; each page is opened by the same kind of user in both and the query counts are compared. A
page that makes a query per row fails here long before it is slow in production (see bench/pages.py for
the timings on the large data set).
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from core.text import fold
from courses.models import (
    AttendanceRecord,
    Cohort,
    CohortStatus,
    Enrolment,
    Module,
    Organisation,
    Participant,
    Programme,
    Site,
    TeachingSession,
)
from placements.models import ConductCertificateCheck, Facility, HourEntry, Placement

pytestmark = pytest.mark.django_db

GIVEN = ["Savaş", "Thị Lan", "Łukasz", "Olena", "Fatemeh", "Amal", "Ayşe", "Małgorzata"]
FAMILY = ["Yılmaz", "Nguyễn", "Wróbel", "Kovalenko", "Rahimi", "Al-Hassan", "Demir", "Dąbrowska"]


@dataclass
class World:
    cohort: Cohort
    session: TeachingSession
    staff: object
    supervisor: object
    participant: object
    certificate: object | None
    facility: Facility
    placement: Placement
    import_record: object


def build_world(size: int, tag: str) -> World:
    """A run of ``size`` people at its very end (every register taken, the placement done, certificates out),
    written in bulk (a few dozen queries whatever the size). Staff have not closed it yet, so the participant's
    own course pages are still open to them (courses.rules.course_still_running)."""
    User = get_user_model()
    today = timezone.localdate()
    start = today - datetime.timedelta(weeks=22)
    end = today - datetime.timedelta(days=10)
    organisation = Organisation.objects.create(name=f"Träger {tag}")
    site = Site.objects.create(organisation=organisation, name=f"Dülmen {tag}")
    programme = Programme.objects.create(organisation=organisation, title="Integrationsbegleiter:in in Kitas")
    modules = [
        Module.objects.create(programme=programme, position=1, title="Bildungsgrundsätze", planned_units=16),
        Module.objects.create(programme=programme, position=2, title="Kinderrechte", planned_units=8),
    ]
    cohort = Cohort.objects.create(
        programme=programme,
        site=site,
        number="2026-1",
        start_date=start,
        end_date=end,
        capacity=size,
        status=CohortStatus.RUNNING,
    )
    staff = User.objects.create(username=f"staff-{tag}", role=Role.STAFF)
    organisation.staff_members.add(staff)
    supervisor = User.objects.create(username=f"supervisor-{tag}", role=Role.SUPERVISOR)
    participant_user = User.objects.create(username=f"participant-{tag}", role=Role.PARTICIPANT)
    facility = Facility.objects.create(organisation=organisation, name="Kita Regenbogen", facility_type="kita")
    facility.supervisors.add(supervisor)
    # More facilities in the larger world, each with its supervisor, for the facility list.
    others = Facility.objects.bulk_create(
        [
            Facility(organisation=organisation, name=f"OGS Sonnenschein {k}", facility_type="ogs")
            for k in range(size // 10)
        ]
    )
    Facility.supervisors.through.objects.bulk_create(
        [Facility.supervisors.through(facility=f, user=supervisor) for f in others]
    )

    people = []
    for i in range(size):
        given, family = GIVEN[i % len(GIVEN)], f"{FAMILY[i % len(FAMILY)]} {i}"
        people.append(
            Participant(
                organisation=organisation,
                user=participant_user if i == 0 else None,
                given_name=given,
                family_name=family,
                date_of_birth=datetime.date(1985, 1, 1) + datetime.timedelta(days=i),
                jobcenter_customer_number=f"362D{i:06d}",
                name_key=f"{fold(family)} {fold(given)}",
            )
        )
    people = Participant.objects.bulk_create(people)
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(cohort=cohort, participant=p, enrolled_on=start) for p in people]
    )
    sessions = TeachingSession.objects.bulk_create(
        [
            TeachingSession(
                cohort=cohort,
                module=modules[k % 2],
                date=start + datetime.timedelta(days=7 * k + 1),
                start_time=datetime.time(8, 30),
                end_time=datetime.time(15, 0),
                units=8,
            )
            for k in range(3)
        ]
    )
    AttendanceRecord.objects.bulk_create(
        [
            AttendanceRecord(
                session=s,
                enrolment=e,
                status="P" if (e.pk + s.pk) % 7 else "K",
                attended_units=8 if (e.pk + s.pk) % 7 else 0,
            )
            for s in sessions
            for e in enrolments
        ]
    )
    practice = end - datetime.timedelta(days=18)
    placements = Placement.objects.bulk_create(
        [
            Placement(
                enrolment=e,
                facility=facility,
                supervisor=supervisor,
                start_date=practice,
                end_date=end,
                planned_hours=90,
                status="active",
                activated_at=timezone.now(),
                measles_proof_seen_at=timezone.now(),
                infection_instruction_date=practice - datetime.timedelta(days=10),
            )
            for e in enrolments
        ]
    )
    ConductCertificateCheck.objects.bulk_create(
        [
            ConductCertificateCheck(
                placement=p,
                inspected_on=practice - datetime.timedelta(days=20),
                issue_date=practice - datetime.timedelta(days=40),
                has_relevant_entry=False,
            )
            for p in placements
        ]
    )
    entries = []
    for index, p in enumerate(placements):
        # Three days each; the first placement (its detail page lists them) has one per person, up to 15.
        days = min(size, 15) if index == 0 else 3
        for k in range(days):
            status = "pending" if k % 3 == 2 else "confirmed"
            entries.append(
                HourEntry(
                    placement=p,
                    date=practice + datetime.timedelta(days=k),
                    start_time=datetime.time(8, 0),
                    end_time=datetime.time(14, 30),
                    break_minutes=30,
                    work_minutes=360,
                    status=status,
                    decided_by=supervisor if status == "confirmed" else None,
                )
            )
    HourEntry.objects.bulk_create(entries)
    certificate = _certificates(enrolments[: (size + 1) // 2], staff, tag)
    import_record = _imports(cohort, staff, size)
    return World(
        cohort, sessions[0], staff, supervisor, participant_user, certificate, facility, placements[0], import_record
    )


def _imports(cohort, by, size):
    """An import log of one upload per ten people, the last with a preview row per person."""
    from spreadsheets.models import ImportRecord, ImportStatus

    preview = [
        {
            "row": i + 2,
            "status": "updated" if i % 5 == 0 else "new",
            "name": f"{GIVEN[i % len(GIVEN)]} {FAMILY[i % len(FAMILY)]} {i}",
            "born": "01.01.1985",
            "changes": ["Telefon"] if i % 5 == 0 else [],
            "place": "new",
            "messages": [],
        }
        for i in range(size)
    ]
    records = ImportRecord.objects.bulk_create(
        [
            ImportRecord(
                organisation=cohort.site.organisation,
                cohort=cohort,
                created_by=by,
                file_name=f"Jobcenter-Liste {k}.xlsx",
                file_format="xlsx",
                status=ImportStatus.PREVIEWED,
                preview=preview if k == size // 10 else [],
                rows_total=size,
                rows_new=size - (size + 4) // 5,
                rows_updated=(size + 4) // 5,
            )
            for k in range(size // 10 + 1)
        ]
    )
    return records[-1]


def _certificates(enrolments, by, tag):
    try:
        from certificates.models import Certificate
        from certificates.samples import sample_snapshot
    except ImportError:  # pragma: no cover - the certificates app is part of the project
        return None
    year = timezone.localdate().year
    offset = 0 if tag == "small" else 1000
    certificates = Certificate.objects.bulk_create(
        [
            Certificate(
                enrolment=e,
                number=f"IB-{year}-{offset + i + 1:04d}",
                prefix="IB",
                year=year,
                sequence=offset + i + 1,
                verification_code=f"{'S' if tag == 'small' else 'B'}{i:015d}",
                template_version=1,
                snapshot=sample_snapshot(number=f"IB-{year}-{offset + i + 1:04d}"),
                issued_at=timezone.now(),
                issued_by=by,
            )
            for i, e in enumerate(enrolments)
        ]
    )
    return certificates[0]


def count_queries(user, url: str) -> int:
    client = Client(headers={"accept-language": "de"})
    if user is not None:
        client.force_login(user)
    client.get(url)  # warm-up: the session, permission and content-type caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


# (page, who opens it, URL for a world). Add a row when a new list page lands.
PAGES = [
    ("staff start page", "staff", lambda w: reverse("home")),
    ("cohort list", "staff", lambda w: reverse("courses:cohort_list")),
    ("cohort detail", "staff", lambda w: reverse("courses:cohort_detail", args=[w.cohort.pk])),
    ("participant list", "staff", lambda w: reverse("courses:participant_list")),
    ("session list", "staff", lambda w: reverse("courses:session_list", args=[w.cohort.pk])),
    ("attendance register", "staff", lambda w: reverse("courses:register", args=[w.session.pk])),
    ("attendance matrix", "staff", lambda w: reverse("courses:attendance_matrix", args=[w.cohort.pk])),
    ("absence report", "staff", lambda w: reverse("courses:absence_report", args=[w.cohort.pk])),
    ("placement list", "staff", lambda w: reverse("placements:placement_list")),
    ("placement detail", "staff", lambda w: reverse("placements:placement_detail", args=[w.placement.pk])),
    ("facility list", "staff", lambda w: reverse("placements:facility_list")),
    ("facility detail", "staff", lambda w: reverse("placements:facility_detail", args=[w.facility.pk])),
    ("import list", "staff", lambda w: reverse("spreadsheets:import_list")),
    ("import preview", "staff", lambda w: reverse("spreadsheets:import_detail", args=[w.import_record.pk])),
    ("eligibility overview", "staff", lambda w: reverse("certificates:cohort_overview", args=[w.cohort.pk])),
    ("supervisor's pending hours", "supervisor", lambda w: reverse("placements:pending_entries")),
    ("supervisor start page", "supervisor", lambda w: reverse("home")),
    (
        "placement detail (supervisor)",
        "supervisor",
        lambda w: reverse("placements:placement_detail", args=[w.placement.pk]),
    ),
    ("participant home", "participant", lambda w: reverse("home")),
    (
        "placement detail (participant)",
        "participant",
        lambda w: reverse("placements:placement_detail", args=[w.placement.pk]),
    ),
    (
        "certificate verification",
        None,
        lambda w: reverse("certificates:verify_code", args=[w.certificate.verification_code]),
    ),
]


def test_query_counts_do_not_grow_with_the_cohort():
    """One test for all pages, so the two worlds are built once (the suite stays fast)."""
    small, large = build_world(10, "small"), build_world(200, "large")
    failures = []
    for page, who, url in PAGES:
        counts = [count_queries(getattr(world, who) if who else None, url(world)) for world in (small, large)]
        if counts[0] != counts[1]:
            failures.append(f"{page}: {counts[0]} queries for 10 people, {counts[1]} for 200")
    assert not failures, "\n".join(failures)
