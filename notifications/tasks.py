"""Background tasks: sending e-mails, telling people about events, and the daily jobs.

Every task takes ids (never objects) and is idempotent: run twice, it tells nobody twice (``once`` keys,
``emailed_at``) and deletes nothing twice.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import conf, kinds
from .jobs import background, daily
from .models import Notification
from .services import notify, participant_recipient


def _language(notification: Notification) -> str:
    user = notification.recipient
    return (user.preferred_language if user else None) or settings.LANGUAGE_CODE


@background
def send_notification_email(notification_id: int) -> bool:
    """Send one notification's e-mail (plain text and simple HTML). Locked, and marked when sent, so a second
    run does not send it again."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient", "organisation")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .exclude(email_to="")
            .first()
        )
        if notification is None:
            return False
        link = f"{settings.SITE_URL}{notification.link}" if notification.link else ""
        with translation.override(_language(notification)):
            html = render_to_string(
                "notifications/email/base.html",
                {
                    "notification": notification,
                    "organisation_name": notification.organisation.name if notification.organisation else "",
                    "link": link,
                },
            )
        message = EmailMultiAlternatives(notification.subject, notification.body, None, [notification.email_to])
        message.attach_alternative(html, "text/html")
        message.send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


# --- Events of the lower apps (queued by notifications.receivers after their commit) ------------------------


@background
def tell_hours_decided(entry_id: int) -> bool:
    from placements.models import HourEntry, HourEntryStatus

    entry = (
        HourEntry.objects.select_related("placement__facility__organisation", "placement__enrolment__participant__user")
        .filter(pk=entry_id)
        .first()
    )
    if entry is None or entry.status == HourEntryStatus.PENDING:
        return False
    participant = entry.placement.enrolment.participant
    user, email = participant_recipient(participant)
    rejected = entry.status == HourEntryStatus.REJECTED
    made = notify(
        kind=kinds.HOURS_REJECTED.code if rejected else kinds.HOURS_CONFIRMED.code,
        recipient=user,
        email=email,
        organisation=entry.placement.facility.organisation,
        params={
            "given_name": participant.given_name,
            "date": entry.date.isoformat(),
            "start": entry.start_time.strftime("%H:%M"),
            "end": entry.end_time.strftime("%H:%M"),
            "facility": entry.placement.facility.name,
            "minutes": entry.work_minutes,
            "reason": entry.rejection_reason,
        },
        link=reverse("placements:placement_detail", args=[entry.placement_id]),
        once=f"decided:{entry.pk}:{entry.status}:{entry.decided_at.isoformat() if entry.decided_at else ''}",
    )
    return made is not None


@background
def tell_participant_placed(placement_id: int) -> bool:
    from placements.models import Placement

    placement = (
        Placement.objects.select_related("facility__organisation", "supervisor", "enrolment__participant")
        .filter(pk=placement_id)
        .first()
    )
    if placement is None:
        return False
    made = notify(
        kind=kinds.PARTICIPANT_PLACED.code,
        recipient=placement.supervisor,
        organisation=placement.facility.organisation,
        params={
            "participant": placement.enrolment.participant.full_name,
            "facility": placement.facility.name,
            "start": placement.start_date.isoformat(),
            "end": placement.end_date.isoformat(),
            "planned_hours": placement.planned_hours,
        },
        link=reverse("placements:placement_detail", args=[placement.pk]),
        once=f"placed:{placement.pk}",
    )
    return made is not None


@background
def tell_certificate_issued(certificate_id: int) -> bool:
    from certificates.models import Certificate

    certificate = (
        Certificate.objects.select_related("enrolment__participant__user", "enrolment__cohort__site__organisation")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None:
        return False
    participant = certificate.enrolment.participant
    user, email = participant_recipient(participant)
    kind_label = certificate.get_kind_display() if hasattr(certificate, "get_kind_display") else ""
    made = notify(
        kind=kinds.CERTIFICATE_ISSUED.code,
        recipient=user,
        email=email,
        organisation=certificate.enrolment.cohort.site.organisation,
        params={"given_name": participant.given_name, "number": certificate.number, "document": str(kind_label)},
        link=reverse("certificates:download", args=[certificate.pk]),
        once=f"certificate:{certificate.pk}",
    )
    return made is not None


@background
def tell_next_session(cohort_id: int) -> int:
    """After the timetable of a cohort changed: tell each active participant their next session. Told once
    per next session and time, so several changes in a row that leave it as it is tell nothing new."""
    from courses.models import Cohort, EnrolmentStatus, TeachingSession

    cohort = Cohort.objects.select_related("site__organisation").filter(pk=cohort_id).first()
    if cohort is None:
        return 0
    now = timezone.localtime()
    upcoming = (
        TeachingSession.objects.filter(cohort=cohort, date__gte=now.date())
        .select_related("module")
        .order_by("date", "start_time")
    )
    session = next((s for s in upcoming if (s.date, s.start_time) > (now.date(), now.time())), None)
    if session is None:
        return 0
    told = 0
    enrolments = cohort.enrolments.filter(status=EnrolmentStatus.ACTIVE).select_related("participant__user")
    for enrolment in enrolments:
        user, email = participant_recipient(enrolment.participant)
        made = notify(
            kind=kinds.TIMETABLE_CHANGED.code,
            recipient=user,
            email=email,
            organisation=cohort.site.organisation,
            params={
                "given_name": enrolment.participant.given_name,
                "date": session.date.isoformat(),
                "start": session.start_time.strftime("%H:%M"),
                "end": session.end_time.strftime("%H:%M"),
                "module": session.module.title,
                "topic": session.topic,
                "site": cohort.site.name,
            },
            link=reverse("home"),
            once=f"next-session:{enrolment.pk}:{session.pk}:{session.date}:{session.start_time}:{session.end_time}",
        )
        told += made is not None
    return told


# --- Daily jobs (manage.py enqueue_daily) ---------------------------------------------------------------


@daily("deactivate_inactive_accounts")
@background
def deactivate_inactive_accounts(today: str) -> int:
    from accounts.services import inactive_accounts_deactivate

    return inactive_accounts_deactivate()


@daily("purge_conduct_certificates")
@background
def purge_conduct_certificates(today: str) -> int:
    from placements.services import conduct_checks_purge

    return conduct_checks_purge(today=datetime.date.fromisoformat(today))


@daily("purge_stale_imports")
@background
def purge_stale_imports(today: str) -> int:
    from spreadsheets.services import imports_purge_stale

    return imports_purge_stale()


@daily("purge_prepared_downloads")
@background
def purge_prepared_downloads(today: str) -> int:
    from .prepared import downloads_purge_expired

    return downloads_purge_expired()


@daily("supervisor_digest")
@background
def supervisor_digest(today: str) -> int:
    """Each supervisor with entries waiting gets one digest a day, with a signed link per placement."""
    from django.contrib.auth import get_user_model

    from placements.selectors import pending_entries_visible_to

    from .links import link_path

    sent = 0
    supervisors = (
        get_user_model()
        .objects.filter(
            is_active=True, role="supervisor", supervised_facilities__placements__hour_entries__status="pending"
        )
        .distinct()
        .order_by("pk")
    )
    for user in supervisors:
        entries = list(pending_entries_visible_to(user).select_related("placement__facility__organisation"))
        if not entries:
            continue
        placements: dict[int, dict] = {}
        for entry in entries:
            group = placements.setdefault(
                entry.placement_id,
                {
                    "participant": entry.placement.enrolment.participant.full_name,
                    "facility": entry.placement.facility.name,
                    "entries": [],
                },
            )
            group["entries"].append(
                {
                    "id": entry.pk,
                    "date": entry.date.isoformat(),
                    "start": entry.start_time.strftime("%H:%M"),
                    "end": entry.end_time.strftime("%H:%M"),
                    "minutes": entry.work_minutes,
                }
            )
        for placement_id, group in placements.items():
            ids = [item["id"] for item in group["entries"]]
            group["link"] = settings.SITE_URL + link_path(
                supervisor_id=user.pk, placement_id=placement_id, entry_ids=ids
            )
        made = notify(
            kind=kinds.SUPERVISOR_DIGEST.code,
            recipient=user,
            organisation=entries[0].placement.facility.organisation,
            params={"count": len(entries), "placements": list(placements.values())},
            link=reverse("placements:pending_entries"),
            once=f"digest:{user.pk}:{today}",
        )
        sent += made is not None
    return sent


def _staff_of(organisation_id: int):
    from courses.models import Organisation

    return Organisation.objects.get(pk=organisation_id).staff_members.filter(is_active=True, role="staff")


@daily("staff_hours_waiting")
@background
def staff_hours_waiting(today: str) -> int:
    """Staff are told which facilities have had hours waiting longer than NOTIFICATION_HOURS_WAITING_DAYS."""
    from django.db.models import Count, Min

    from courses.models import Organisation
    from placements.models import HourEntry, HourEntryStatus

    limit = timezone.now() - datetime.timedelta(days=conf.hours_waiting_days())
    rows = (
        HourEntry.objects.filter(status=HourEntryStatus.PENDING, created_at__lt=limit)
        .values("placement__facility__organisation_id", "placement__facility_id", "placement__facility__name")
        .annotate(count=Count("id"), oldest=Min("date"))
        .order_by("placement__facility__organisation_id", "placement__facility__name")
    )
    by_organisation: dict[int, list[dict]] = {}
    for row in rows:
        by_organisation.setdefault(row["placement__facility__organisation_id"], []).append(
            {"facility": row["placement__facility__name"], "count": row["count"], "oldest": row["oldest"].isoformat()}
        )
    told = 0
    for organisation_id, facilities in by_organisation.items():
        organisation = Organisation.objects.get(pk=organisation_id)
        for user in _staff_of(organisation_id):
            made = notify(
                kind=kinds.STAFF_HOURS_WAITING.code,
                recipient=user,
                organisation=organisation,
                params={"days": conf.hours_waiting_days(), "facilities": facilities},
                link=reverse("placements:placement_list"),
                once=f"staff-waiting:{user.pk}:{today}",
            )
            told += made is not None
    return told


@daily("attendance_at_risk")
@background
def attendance_at_risk(today: str) -> int:
    """The matrix's rule (courses.selectors.ModuleProgress.state): a participant is told once per module and
    level (at risk, then missed); staff get one list per cohort of the people newly at risk."""
    from core.memo import reads_remembered
    from courses.models import Cohort, CohortStatus, EnrolmentStatus
    from courses.selectors import attendance_progress_of_cohort, cohort_people

    from .models import SentOnce

    day = datetime.date.fromisoformat(today)
    told = 0
    cohorts = Cohort.objects.filter(status=CohortStatus.RUNNING).select_related("site__organisation", "programme")
    for cohort in cohorts:
        organisation = cohort.site.organisation
        with reads_remembered(cohort):  # the progress reads the cohort's people too
            progress = attendance_progress_of_cohort(cohort, today=day)
            people = cohort_people(cohort)
        newly = []
        for enrolment in people:
            if enrolment.status != EnrolmentStatus.ACTIVE:
                continue
            for item in progress.get(enrolment.pk, []):
                state = item.state
                if state not in ("at_risk", "missed"):
                    continue
                key = f"risk:{enrolment.pk}:{item.module_id}:{state}"
                if SentOnce.objects.filter(key=key).exists():
                    continue
                participant = enrolment.participant
                user, email = participant_recipient(participant)
                notify(
                    kind=kinds.ATTENDANCE_AT_RISK.code,
                    recipient=user,
                    email=email,
                    organisation=organisation,
                    params={
                        "given_name": participant.given_name,
                        "module": item.title,
                        "missed": state == "missed",
                        "rate": str(item.rate_percent),
                        "minimum": item.minimum_percent,
                    },
                    link=reverse("home"),
                    once=key,
                )
                newly.append({"participant": participant.full_name, "module": item.title, "missed": state == "missed"})
                told += 1
        if newly:
            for user in _staff_of(organisation.pk):
                notify(
                    kind=kinds.STAFF_AT_RISK.code,
                    recipient=user,
                    organisation=organisation,
                    params={"cohort": str(cohort), "people": newly},
                    link=reverse("courses:attendance_matrix", args=[cohort.pk]),
                    once=f"staff-risk:{user.pk}:{cohort.pk}:{today}",
                )
    return told


@daily("imports_pending")
@background
def imports_pending(today: str) -> int:
    """An uploaded participant list still waiting for confirmation after a day: its uploader is told once."""
    from spreadsheets.models import ImportRecord, ImportStatus

    limit = timezone.now() - datetime.timedelta(days=1)
    told = 0
    records = ImportRecord.objects.filter(status=ImportStatus.PREVIEWED, created_at__lt=limit).select_related(
        "created_by", "organisation", "cohort"
    )
    for record in records:
        if record.created_by is None:
            continue
        made = notify(
            kind=kinds.IMPORT_PENDING.code,
            recipient=record.created_by,
            organisation=record.organisation,
            params={"file_name": record.file_name, "cohort": str(record.cohort) if record.cohort_id else ""},
            link=reverse("spreadsheets:import_detail", args=[record.pk]),
            once=f"import-pending:{record.pk}",
        )
        told += made is not None
    return told
