"""Writes of the privacy app: record a log-in and an export download, and anonymise a person (by staff with
a reason, or by the daily command once the retention period has passed)."""

import datetime
import uuid

from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate
from core.exceptions import DomainError
from courses.models import AttendanceCorrection, AttendanceRecord, Enrolment, EnrolmentDateChange, Participant
from notifications.models import CalendarFeed, Notification, PreparedDownload
from outcomes.models import Goal, IntakeProfile, OutcomeRecord
from placements.models import ConductCertificateCheck, HourEntry, HourEntryEvent, Placement
from spreadsheets.models import ImportRecord

from . import conf, selectors
from .models import AccessExport, Erasure, LoginRecord
from .notifications import PRIVACY_EXPORT

# What an anonymised person is called and born: a name that says what happened and names nobody, and a date
# no real participant has (the model refuses births before 1900).
ANONYMISED_GIVEN_NAME = "Anonymisiert"
ANONYMISED_BIRTH_DATE = datetime.date(1900, 1, 1)
# Free texts that the database requires to be non-empty (a withdrawal's or revocation's reason) keep this.
ERASED_TEXT = "–"


def login_record(sender, request, user, **kwargs) -> None:
    """Receiver of ``user_logged_in``: keep the moment for the person's right of access."""
    LoginRecord.objects.create(user=user)


def export_record(*, participant: Participant, by) -> AccessExport:
    return AccessExport.objects.create(
        participant=participant, downloaded_by=by, by_the_person=participant.user_id == by.pk
    )


def _retire_login(user) -> str:
    """Delete the person's log-in, or, where records point to it (hours they logged), make it unusable and
    nameless. Returns which of the two happened."""
    LoginRecord.objects.filter(user=user).delete()
    # Messages carry the person's name and details in their text (also if the login itself must stay).
    Notification.objects.filter(recipient=user).delete()
    try:
        with transaction.atomic():
            user.delete()
        return "deleted"
    except ProtectedError:
        user.username = f"anonymisiert-{uuid.uuid4().hex[:12]}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.last_login = None
        user.set_unusable_password()
        user.save()
        return "deactivated"


@transaction.atomic
def participant_erase(*, participant: Participant, reason: str, by=None, after_retention: bool = False) -> Erasure:
    """Anonymise one person. Their rows stay (attendance and hours as anonymous numbers, so every report and
    count still adds up); what names or describes them goes. The certificate register keeps number, status,
    programme and issue date, and the holder's name only when the period ran out and the organisation keeps
    certificates verifiable by name."""
    participant = (
        Participant.objects.select_for_update(of=("self",))
        .select_related("organisation", "user")
        .get(pk=participant.pk)
    )
    reason = (reason or "").strip()
    if Erasure.objects.filter(participant=participant).exists():
        raise DomainError(_("This person's data have already been anonymised."))
    if not reason:
        raise DomainError(_("Please give the reason for the erasure."), field="reason")
    keep_name = after_retention and participant.organisation.certificates_verifiable_by_name
    # Before the name and number go: they are what finds the partner access records that mention them.
    selectors.partner_access_details_naming(participant).update(detail=ERASED_TEXT)
    full_name, sortable_name = participant.full_name, participant.sortable_name
    user = participant.user

    participant.given_name = ANONYMISED_GIVEN_NAME
    participant.family_name = f"#{participant.pk}"
    participant.date_of_birth = ANONYMISED_BIRTH_DATE
    participant.email = participant.phone = participant.address = ""
    participant.german_level = ""
    participant.jobcenter_customer_number = ""
    participant.user = None
    participant.save()

    enrolments = Enrolment.objects.filter(participant=participant)
    enrolments.exclude(withdrawal_reason="").update(withdrawal_reason=ERASED_TEXT)
    EnrolmentDateChange.objects.filter(enrolment__in=enrolments).update(reason=ERASED_TEXT)
    AttendanceRecord.objects.filter(enrolment__in=enrolments).exclude(note="").update(note="")
    AttendanceCorrection.objects.filter(record__enrolment__in=enrolments).update(old_note="", new_note="")
    placements = Placement.objects.filter(enrolment__in=enrolments)
    placements.exclude(cancellation_reason="").update(cancellation_reason=ERASED_TEXT)
    checks = ConductCertificateCheck.objects.filter(placement__in=placements)
    checked = list(checks.values_list("placement_id", flat=True))
    if checked:
        checks.delete()
        Placement.objects.filter(pk__in=checked).update(conduct_check_deleted_at=timezone.now())
    entries = HourEntry.objects.filter(placement__in=placements)
    entries.exclude(activity="").update(activity="")
    entries.exclude(rejection_reason="").update(rejection_reason=ERASED_TEXT)
    events = list(HourEntryEvent.objects.filter(entry__in=entries).only("pk", "note", "details"))
    for event in events:
        event.note = ""
        event.details = _without_free_text(event.details)
    HourEntryEvent.objects.bulk_update(events, ["note", "details"], batch_size=500)

    _erase_outcomes(participant)
    CalendarFeed.objects.filter(participant=participant).delete()  # its secret address shows their timetable
    # Files prepared in the background that hold the person: their Art. 15 export (whoever asked for it) and
    # the ZIPs of their cohorts' documents; whoever needs them again asks again.
    PreparedDownload.objects.filter(
        Q(kind=PRIVACY_EXPORT.kind, params__participant=participant.pk)
        | Q(params__cohort__in=list(enrolments.values_list("cohort_id", flat=True)))
    ).delete()

    certificates = list(Certificate.objects.filter(enrolment__in=enrolments))
    for certificate in certificates:
        # The one change ever made to an issued snapshot: the law's erasure outranks the frozen document.
        certificate.snapshot = {
            **certificate.snapshot,
            "participant": {
                "given_name": "",
                "family_name": "",
                "full_name": full_name if keep_name else "",
                "date_of_birth": "",
                "erased": "retention" if after_retention else "request",
            },
        }
        if certificate.revocation_reason:
            certificate.revocation_reason = ERASED_TEXT
        if certificate.correction_reason:
            certificate.correction_reason = ERASED_TEXT
    Certificate.objects.bulk_update(certificates, ["snapshot", "revocation_reason", "correction_reason"])

    records = list(ImportRecord.objects.filter(cohort_id__in=enrolments.values("cohort_id")).only("pk", "preview"))
    changed = []
    for record in records:
        rows = record.preview or []
        if any(selectors.import_row_names(row, sortable_name) for row in rows):
            record.preview = [
                {**row, "name": "", "born": "", "messages": []}
                if selectors.import_row_names(row, sortable_name)
                else row
                for row in rows
            ]
            changed.append(record)
    ImportRecord.objects.bulk_update(changed, ["preview"])

    if user is not None:
        _retire_login(user)
    return Erasure.objects.create(participant=participant, by=by, reason=reason, after_retention=after_retention)


def _erase_outcomes(participant: Participant) -> None:
    """The intake profile keeps its row but none of its contents; goals keep target date and status, not
    what they were; outcome records keep situation, date, employer and source, not the note. Invitations,
    wishes and talks hold no free text: they stay as they are, so the event's and the cohort's counts and the
    outcome rate do not change."""
    IntakeProfile.objects.filter(participant=participant).update(
        qualifications="",
        recognition_status="",
        experience_with_children="",
        interests="",
        german_level="",
        german_test_date=None,
        hours_per_week=None,
        family_times="",
        towns_without_car="",
        updated_by=None,
    )
    Goal.objects.filter(participant=participant).exclude(title=ERASED_TEXT).update(title=ERASED_TEXT)
    OutcomeRecord.objects.filter(participant=participant).exclude(note="").update(note="")


def _without_free_text(details: dict) -> dict:
    """An hour entry's history keeps times and minutes, not the activity the person described."""
    if not isinstance(details, dict):
        return {}
    cleaned = {k: v for k, v in details.items() if k != "activity"}
    for key in ("before", "after"):
        if isinstance(cleaned.get(key), dict):
            cleaned[key] = _without_free_text(cleaned[key])
    return cleaned


def anonymise_expired(*, today: datetime.date | None = None) -> tuple[int, int, int]:
    """The daily job: anonymise everyone whose retention period has passed, forget old log-ins and the
    partner access records whose time is over (``selectors.partner_accesses_expired``). Returns (people
    anonymised, log-in records deleted, partner access records deleted). A second run the same day finds
    nothing to do."""
    today = today or timezone.localdate()
    done = 0
    for pk in selectors.participants_due_for_anonymisation(today):
        try:
            participant_erase(
                participant=Participant(pk=pk),
                reason=_("The retention period after the end of the measure has passed."),
                after_retention=True,
            )
        except DomainError:  # anonymised meanwhile by staff
            continue
        done += 1
    since = timezone.now() - datetime.timedelta(days=conf.login_record_days())
    forgotten, _unused = LoginRecord.objects.filter(at__lt=since).delete()
    accesses, _unused = selectors.partner_accesses_expired(today=today, logins_since=since).delete()
    return done, forgotten, accesses
