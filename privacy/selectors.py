"""Reads of the privacy app: everything stored about one person (Art. 15), and who is due for anonymisation.
Each reads a fixed number of queries, whatever the length of the person's history."""

import datetime
from collections import Counter, defaultdict

from django.db.models import Case, Exists, F, Max, OuterRef, Prefetch, Q, QuerySet, When
from django.utils import timezone

from certificates.models import Certificate
from courses.models import (
    AttendanceCorrection,
    AttendanceRecord,
    Enrolment,
    EnrolmentStatus,
    Organisation,
    Participant,
    PartnerAccess,
)
from notifications.models import CalendarFeed, Notification
from outcomes.models import (
    EmployerWish,
    EventParticipant,
    Goal,
    IntakeProfile,
    OutcomeRecord,
    ParticipantWish,
    Talk,
)
from placements import conf as placement_conf
from placements.models import HourEntry, HourEntryEvent, Placement, PlacementStatus
from spreadsheets.models import ImportRecord

from .models import AccessExport, Erasure, LoginRecord
from .register import declaration


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    return value.isoformat()


# --- Retention --------------------------------------------------------------------------------------------


def measure_end_annotations() -> dict:
    """The end of a person's measure, as the retention period counts it: the last of their enrolments' ends
    (the cohort's end, or the withdrawal day) and their placements' ends (a placement may run past the
    cohort). A person with no enrolment ended when they were recorded."""
    enrolment_end = Case(
        When(enrolments__status=EnrolmentStatus.WITHDRAWN, then=F("enrolments__withdrawn_on")),
        default=F("enrolments__cohort__end_date"),
    )
    return {
        "enrolment_end": Max(enrolment_end),
        "placement_end": Max(
            "enrolments__placements__end_date",
            filter=~Q(enrolments__placements__status=PlacementStatus.CANCELLED),
        ),
    }


def measure_end(enrolment_end, placement_end, created_at) -> datetime.date:
    ends = [day for day in (enrolment_end, placement_end) if day is not None]
    return max(ends) if ends else timezone.localtime(created_at).date()


def retention_cutoffs(today: datetime.date) -> dict[int, datetime.date]:
    """{organisation key: the day before which a measure must have ended for its retention period to be over
    today} (each organisation sets its own period in years). One query; there are few organisations."""
    return {
        organisation_id: placement_conf.add_months(today, -12 * years)
        for organisation_id, years in Organisation.objects.values_list("pk", "retention_years")
    }


def participants_due_for_anonymisation(today: datetime.date) -> list[int]:
    """Keys of the people whose measure ended more than their organisation's retention period ago and who
    are not anonymised yet. One query per organisation (there are few)."""
    due = []
    for organisation_id, cutoff in retention_cutoffs(today).items():
        rows = (
            Participant.objects.filter(organisation_id=organisation_id, erasure__isnull=True)
            .annotate(**measure_end_annotations())
            .values_list("pk", "enrolment_end", "placement_end", "created_at")
        )
        due.extend(
            pk
            for pk, enrolment_end, placement_end, created in rows
            if measure_end(enrolment_end, placement_end, created) < cutoff
        )
    return due


def partner_accesses_expired(*, today: datetime.date, logins_since: datetime.datetime) -> QuerySet[PartnerAccess]:
    """Records of what partner log-ins opened whose time is over. A record about a cohort is kept as long as
    the records it documents: until the cohort ended more than its organisation's retention period ago and
    every person of it is anonymised (someone whose placement ended later keeps it, for their Art. 15
    answer). A record of an overview without a cohort (start page, dashboard, quarterly report: figures, no
    person) is a log-in's activity and is kept as long as the log-in history."""
    someone_not_anonymised = Enrolment.objects.filter(cohort=OuterRef("cohort"), participant__erasure__isnull=True)
    over = Q(cohort__isnull=True, at__lt=logins_since)
    for organisation_id, cutoff in retention_cutoffs(today).items():
        over |= Q(cohort__site__organisation_id=organisation_id, cohort__end_date__lt=cutoff)
    return PartnerAccess.objects.filter(over).exclude(Q(cohort__isnull=False) & Exists(someone_not_anonymised))


def retention_end_of_participant(participant: Participant) -> datetime.date:
    row = (
        Participant.objects.filter(pk=participant.pk)
        .annotate(**measure_end_annotations())
        .values_list("enrolment_end", "placement_end", "created_at")
        .get()
    )
    years = participant.organisation.retention_years
    return placement_conf.add_months(measure_end(*row), 12 * years)


# --- Art. 15: everything about one person ------------------------------------------------------------------


def _attendance(participant: Participant) -> tuple[list[dict], list[dict]]:
    records = (
        AttendanceRecord.objects.filter(enrolment__participant=participant)
        .select_related("session__module")
        .prefetch_related(Prefetch("corrections", queryset=AttendanceCorrection.objects.order_by("changed_at", "id")))
        .order_by("session__date", "session__start_time", "id")
    )
    rows = []
    months = defaultdict(Counter)
    for record in records:
        session = record.session
        rows.append(
            {
                "enrolment": record.enrolment_id,
                "date": _iso(session.date),
                "start": session.start_time.strftime("%H:%M"),
                "end": session.end_time.strftime("%H:%M"),
                "module": session.module.title,
                "code": record.status,
                "minutes_late": record.late_minutes,
                "minutes_left_early": record.early_minutes,
                "attended_units": str(record.attended_units),
                "note": record.note,
                "corrections": [
                    {
                        "changed_at": _iso(c.changed_at),
                        "old_code": c.old_status,
                        "new_code": c.new_status,
                        "old_note": c.old_note,
                        "new_note": c.new_note,
                    }
                    for c in record.corrections.all()
                ],
            }
        )
        if record.is_absent:
            months[(record.enrolment_id, session.date.strftime("%Y-%m"))][record.status] += 1
    reports = [
        {"enrolment": enrolment_id, "month": month, "E": c["E"], "K": c["K"], "UE": c["UE"]}
        for (enrolment_id, month), c in sorted(months.items())
    ]
    return rows, reports


def _hour_entries(participant: Participant) -> list[dict]:
    entries = (
        HourEntry.objects.filter(placement__enrolment__participant=participant)
        .prefetch_related(Prefetch("events", queryset=HourEntryEvent.objects.select_related("by").order_by("at", "id")))
        .order_by("date", "start_time", "id")
    )
    own_user = participant.user_id
    return [
        {
            "placement": entry.placement_id,
            "date": _iso(entry.date),
            "start": entry.start_time.strftime("%H:%M"),
            "end": entry.end_time.strftime("%H:%M"),
            "break_minutes": entry.break_minutes,
            "work_minutes": entry.work_minutes,
            "activity": entry.activity,
            "status": entry.status,
            "rejection_reason": entry.rejection_reason,
            "history": [
                {
                    "action": event.action,
                    "at": _iso(event.at),
                    # Whose act, not the staff member's name: their names are their data.
                    "by": "self" if event.by_id == own_user else (event.by.role or "staff"),
                    "note": event.note,
                    "details": event.details,
                }
                for event in entry.events.all()
            ],
        }
        for entry in entries
    ]


def _placements(participant: Participant) -> list[dict]:
    placements = (
        Placement.objects.filter(enrolment__participant=participant)
        .select_related("facility", "supervisor", "conduct_check")
        .order_by("start_date", "id")
    )
    rows = []
    for placement in placements:
        try:
            check = placement.conduct_check
        except Placement.conduct_check.RelatedObjectDoesNotExist:
            check = None
        rows.append(
            {
                "id": placement.pk,
                "enrolment": placement.enrolment_id,
                "facility": placement.facility.name,
                "facility_type": placement.facility.facility_type,
                "supervisor": placement.supervisor.get_full_name() or placement.supervisor.username,
                "start_date": _iso(placement.start_date),
                "end_date": _iso(placement.end_date),
                "planned_hours": placement.planned_hours,
                "status": placement.status,
                "cancellation_reason": placement.cancellation_reason,
                "prerequisites": {
                    "measles_protection_proof_seen_at": _iso(placement.measles_proof_seen_at),
                    "infection_protection_instruction_on": _iso(placement.infection_instruction_date),
                    "certificate_of_conduct": None
                    if check is None
                    else {
                        "inspected_on": _iso(check.inspected_on),
                        "issue_date": _iso(check.issue_date),
                        "shows_relevant_entry": check.has_relevant_entry,
                    },
                    "certificate_of_conduct_deleted_at": _iso(placement.conduct_check_deleted_at),
                },
            }
        )
    return rows


def _certificates(participant: Participant) -> list[dict]:
    rows = []
    for certificate in Certificate.objects.filter(enrolment__participant=participant).order_by("issued_at", "id"):
        snapshot = {k: v for k, v in certificate.snapshot.items() if k != "qr_rows"}
        rows.append(
            {
                "number": certificate.number,
                # Every kind of certificate the app issues (Zertifikat, Teilnahmebescheinigung, ...).
                "kind": str(getattr(certificate, "kind", "") or "certificate"),
                "enrolment": certificate.enrolment_id,
                "status": certificate.status,
                "issued_at": _iso(certificate.issued_at),
                "revoked_at": _iso(certificate.revoked_at),
                "revocation_reason": certificate.revocation_reason,
                "correction_reason": certificate.correction_reason,
                "printed_values": snapshot,
            }
        )
    return rows


def import_row_names(row: dict, sortable_name: str) -> bool:
    """An import preview row is about a person if it carries their name as lists write it ("Family, Given")."""
    return bool(row.get("name")) and row.get("name") == sortable_name


def _imports(participant: Participant, cohort_ids: list[int]) -> list[dict]:
    records = ImportRecord.objects.filter(cohort_id__in=cohort_ids).only(
        "pk", "cohort_id", "created_at", "file_name", "status", "preview"
    )
    rows = []
    for record in records:
        mentions = [r for r in record.preview or [] if import_row_names(r, participant.sortable_name)]
        if mentions or record.status == "imported":
            rows.append(
                {
                    "uploaded_at": _iso(record.created_at),
                    "file_name": record.file_name,
                    "status": record.status,
                    "rows_naming_you": [
                        {"row": r.get("row"), "status": r.get("status"), "messages": r.get("messages", [])}
                        for r in mentions
                    ],
                }
            )
    return rows


def _intake_profile(participant: Participant) -> dict | None:
    profile = IntakeProfile.objects.filter(participant=participant).first()
    if profile is None:
        return None
    return {
        "qualifications": profile.qualifications,
        "recognition_status": profile.recognition_status,
        "experience_with_children": profile.experience_with_children,
        "interests": profile.interests,
        "german_level": profile.german_level,
        "german_test_date": _iso(profile.german_test_date),
        "hours_per_week": profile.hours_per_week,
        "family_times": profile.family_times,
        "towns_without_car": profile.towns_without_car,
        "changed_at": _iso(profile.updated_at),
    }


def _outcomes(participant: Participant) -> dict:
    """The speed-dating and Verbleib part: one query per kind of record, whatever the number of rows."""
    goals = Goal.objects.filter(participant=participant).order_by("target_date", "id")
    invitations = (
        EventParticipant.objects.filter(participant=participant)
        .select_related("event")
        .order_by("event__date", "event_id")
    )
    wishes = (
        ParticipantWish.objects.filter(participant=participant)
        .select_related("event", "employer")
        .order_by("event__date", "event_id", "rank")
    )
    marks = (
        EmployerWish.objects.filter(participant=participant)
        .select_related("event", "employer")
        .order_by("event__date", "event_id", "employer__name", "id")
    )
    talks = (
        Talk.objects.filter(participant=participant)
        .select_related("event", "employer")
        .order_by("event__date", "event_id", "round")
    )
    outcomes = (
        OutcomeRecord.objects.filter(participant=participant)
        .select_related("employer", "talk__event")
        .order_by("date", "id")
    )
    return {
        "intake_profile": _intake_profile(participant),
        "goals": [
            {
                "id": g.pk,
                "goal": g.title,
                "target_date": _iso(g.target_date),
                "status": g.status,
                "closed_by_outcome": g.closed_by_id,
                "agreed_at": _iso(g.created_at),
            }
            for g in goals
        ],
        "event_invitations": [
            {
                "event": i.event.title,
                "date": _iso(i.event.date),
                "place": i.event.place,
                "answer": i.status,
                "from_round": i.first_round,
                "until_round": i.last_round,
                "came": i.attended,
            }
            for i in invitations
        ],
        "wishes": [
            {"event": w.event.title, "date": _iso(w.event.date), "employer": w.employer.name, "rank": w.rank}
            for w in wishes
        ],
        "employers_wishing_to_meet_you": [
            {"event": m.event.title, "date": _iso(m.event.date), "employer": m.employer.name} for m in marks
        ],
        "talks": [
            {
                "id": t.pk,
                "event": t.event.title,
                "date": _iso(t.event.date),
                "starts_at": t.starts_at.strftime("%H:%M"),
                "round": t.round,
                "table": t.table,
                "employer": t.employer.name,
                "held": t.held,
                "you_interested": t.participant_interested,
                "employer_interested": t.employer_interested,
                "next_step": t.next_step,
                "next_step_date": _iso(t.next_step_date),
                "recorded_at": _iso(t.recorded_at),
            }
            for t in talks
        ],
        "outcome_records": [
            {
                "id": o.pk,
                "as_of": _iso(o.date),
                "situation": o.kind,
                "reason": o.unavailable_reason,
                "where": o.workplace,
                "hours_per_week": o.hours_per_week,
                "employer": o.employer.name if o.employer_id else None,
                "source": o.source,
                "from_talk": o.talk_id,
                "enrolment": o.enrolment_id,
                "follow_up_month": o.follow_up_month,
                "note": o.note,
                "recorded_at": _iso(o.recorded_at),
            }
            for o in outcomes
        ],
    }


def _notifications(participant: Participant) -> dict:
    """The messages the application showed or e-mailed to the person, and whether a calendar address exists."""
    user = participant.user
    messages = (
        Notification.objects.filter(recipient=user).order_by("created_at", "id").values(
            "created_at", "kind", "subject", "body", "read_at"
        )
        if user
        else []
    )
    return {
        "messages": [
            {"at": _iso(m["created_at"]), "kind": m["kind"], "subject": m["subject"], "text": m["body"],
             "read_at": _iso(m["read_at"])}
            for m in messages
        ],
        "calendar_feed": CalendarFeed.objects.filter(participant=participant).exists(),
    }


def _partner_accesses(enrolments: list[Enrolment]) -> list[dict]:
    """What the funder's and partners' log-ins opened about the person's cohorts (Art. 15(1)(c)): their
    organisation, when, which page or export, and whether names were shown or customer numbers only."""
    numbers = {e.cohort_id: e.cohort.number for e in enrolments}
    rows = (
        PartnerAccess.objects.filter(cohort_id__in=list(numbers))
        .order_by("at", "id")
        .values_list("at", "organisation_name", "action", "cohort_id", "names_shown")
    )
    return [
        {"at": _iso(at), "organisation": organisation, "action": action, "cohort": numbers[cohort_id],
         "names_shown": names_shown}
        for at, organisation, action, cohort_id, names_shown in rows
    ]


def partner_access_details_naming(participant: Participant):
    """Partner access records of the person's cohorts whose detail (a search, a file name) holds their name or
    customer number; ``detail`` should never name anyone, and erasure makes sure."""
    texts = [t for t in (participant.full_name, participant.sortable_name, participant.jobcenter_customer_number) if t]
    naming = Q()
    for text in texts:
        naming |= Q(detail__icontains=text)
    cohorts = Enrolment.objects.filter(participant=participant).values("cohort_id")
    return PartnerAccess.objects.filter(naming, cohort_id__in=cohorts).exclude(detail="")


def personal_data(participant: Participant) -> dict:
    """Everything stored about ``participant`` with the information Art. 15(1) asks for, as plain,
    JSON-ready data (the export's JSON file, and what its PDF is drawn from)."""
    participant = Participant.objects.select_related("organisation", "user").get(pk=participant.pk)
    enrolments = list(
        Enrolment.objects.filter(participant=participant)
        .select_related("cohort__programme", "cohort__site", "cohort__funding_body")
        .order_by("cohort__start_date", "id")
    )
    attendance, absence_months = _attendance(participant)
    user = participant.user
    logins = list(LoginRecord.objects.filter(user=user).values_list("at", flat=True).order_by("-at")) if user else []
    erasure = Erasure.objects.filter(participant=participant).first()
    organisation = participant.organisation
    return {
        "created_on": _iso(timezone.localdate()),
        "controller": {"name": organisation.name, "address": organisation.address},
        "person": {
            "given_name": participant.given_name,
            "family_name": participant.family_name,
            "date_of_birth": _iso(participant.date_of_birth),
            "email": participant.email,
            "phone": participant.phone,
            "address": participant.address,
            "german_level": participant.german_level,
            "jobcenter_customer_number": participant.jobcenter_customer_number,
            "recorded_at": _iso(participant.created_at),
            "anonymised_at": _iso(erasure.at) if erasure else None,
        },
        "login": None
        if user is None
        else {
            "username": user.username,
            "email": user.email,
            "active": user.is_active,
            "last_login": _iso(user.last_login),
            "logins": [_iso(at) for at in logins],
        },
        "enrolments": [
            {
                "id": e.pk,
                "programme": e.cohort.programme.title,
                "cohort": e.cohort.number,
                "site": e.cohort.site.name,
                "cohort_start": _iso(e.cohort.start_date),
                "cohort_end": _iso(e.cohort.end_date),
                "funding_body": e.cohort.funding_body_name,
                "measure_number": e.cohort.measure_number,
                "status": e.status,
                "enrolled_on": _iso(e.enrolled_on),
                "withdrawn_on": _iso(e.withdrawn_on),
                "withdrawal_reason": e.withdrawal_reason,
            }
            for e in enrolments
        ],
        "attendance": attendance,
        # The monthly absence reports and drop-out notices are produced from these records when staff print
        # them; which of them were sent is not recorded.
        "absence_reports": absence_months,
        "dropout_notices": [
            {"enrolment": e.pk, "withdrawn_on": _iso(e.withdrawn_on), "reason": e.withdrawal_reason}
            for e in enrolments
            if e.status == EnrolmentStatus.WITHDRAWN
        ],
        "placements": _placements(participant),
        "hour_entries": _hour_entries(participant),
        "certificates": _certificates(participant),
        "imports": _imports(participant, [e.cohort_id for e in enrolments]),
        "outcomes": _outcomes(participant),
        "notifications": _notifications(participant),
        "partner_accesses": _partner_accesses(enrolments),
        "exports": [
            {"at": _iso(at), "by_the_person": own}
            for at, own in AccessExport.objects.filter(participant=participant).values_list("at", "by_the_person")
        ],
        "retention_until": _iso(retention_end_of_participant(participant)),
        "information": declaration(organisation.retention_years),
    }


def erasure_preview(participant: Participant) -> dict:
    """What ``participant_erase`` would remove, counted, for the confirmation page."""
    enrolments = Enrolment.objects.filter(participant=participant)
    placements = Placement.objects.filter(enrolment__in=enrolments)
    entries = HourEntry.objects.filter(placement__in=placements)
    return {
        "contact": [
            label
            for label, value in (
                ("email", participant.email),
                ("phone", participant.phone),
                ("address", participant.address),
            )
            if value
        ],
        "customer_number": bool(participant.jobcenter_customer_number),
        "german_level": bool(participant.german_level),
        "login": participant.user_id is not None,
        "withdrawal_reasons": enrolments.exclude(withdrawal_reason="").count(),
        "attendance_notes": AttendanceRecord.objects.filter(enrolment__in=enrolments).exclude(note="").count(),
        "attendance_records": AttendanceRecord.objects.filter(enrolment__in=enrolments).count(),
        "conduct_checks": placements.filter(conduct_check__isnull=False).count(),
        "hour_texts": entries.exclude(activity="", rejection_reason="").count(),
        "hour_entries": entries.count(),
        "certificates": Certificate.objects.filter(enrolment__in=enrolments).count(),
        "intake_profile": IntakeProfile.objects.filter(participant=participant).exists(),
        "goals": Goal.objects.filter(participant=participant).count(),
        "outcome_notes": OutcomeRecord.objects.filter(participant=participant).exclude(note="").count(),
        "outcome_records": OutcomeRecord.objects.filter(participant=participant).count(),
        "talks": Talk.objects.filter(participant=participant).count(),
        "event_invitations": EventParticipant.objects.filter(participant=participant).count(),
        "partner_access_details": partner_access_details_naming(participant).count(),
    }
