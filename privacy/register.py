"""The record of processing (Art. 30 DSGVO) as data: purposes, legal bases, recipients, sources, storage
periods and the category of every stored field. The Art. 15 export prints it for the person, and the
``privacy_record`` command writes it into docs/privacy.md, so the document follows the code."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from placements import conf as placement_conf
from spreadsheets import conf as spreadsheets_conf

from . import conf

PURPOSES = [
    _("Running the measure: enrolment, teaching, attendance and the practical placement."),
    _("Reporting to the funding body (Jobcenter): monthly absence reports and drop-out notices."),
    _("Checking the legal requirements for working in a Kita or OGS (§72a SGB VIII, §20 and §34 IfSG)."),
    _("Issuing certificates and letting employers check that a certificate is genuine."),
    _("Giving participants, supervisors and staff a log-in to do their part."),
    _(
        "Matching participants with employers (Kitas and OGS providers) at the job-speed-dating: the intake "
        "profile, goals, wishes, talks and the next steps agreed."
    ),
    _(
        "Following up what became of each participant after the measure (Verbleib) and reporting it to the "
        "Jobcenter as figures (the outcome rate)."
    ),
    _(
        "Showing the funding body and the partner organisations, read-only, the figures of the measures they "
        "fund or partner in, and recording everything their log-ins open or export."
    ),
]

LEGAL_BASES = [
    _("Art. 6(1)(b) DSGVO: the participation agreement (the measure, the placement, the certificate)."),
    _("Art. 6(1)(c) DSGVO with §16 SGB II and §45 SGB III: a measure funded by the Jobcenter and its reports."),
    _("Art. 6(1)(c) and Art. 10 DSGVO with §72a SGB VIII: the certificate of conduct (facts only, no copy)."),
    _("Art. 9(2)(b) DSGVO with §20(9) and §34(5a) IfSG: measles protection and infection-protection instruction."),
    _(
        "Art. 6(1)(b) DSGVO: the participation agreement's placement into work: matching with employers at "
        "the job-speed-dating (intake profile, goals, wishes, talks and next steps)."
    ),
    _(
        "Art. 6(1)(c) DSGVO with §16 SGB II and §45 SGB III: the outcome records (Verbleib) that the Jobcenter "
        "asks of a measure it funds."
    ),
    _("§78 SGB X: social data received from the Jobcenter are used only for this measure."),
]

RECIPIENTS = [
    _("The Jobcenter funding the measure (absence reports, drop-out notices, figures)."),
    _("The placement facility's supervisor (the placement and its hours only)."),
    _("Anyone holding a certificate's number and code (the public check page: status, programme, issue date, name)."),
    _(
        "Employers at a job-speed-dating event: on their printout the name, German level, availability and "
        "the type of the placement facility of the people they meet, nothing else."
    ),
    _(
        "Log-ins of the funding body and partner organisations (e.g. Kreisjobcenter, Kommunales "
        "Integrationszentrum): figures of the cohorts they fund or partner in, and rows with the customer number "
        "instead of the name unless the provider has shown names for that cohort (§78 SGB X)."
    ),
]

SOURCES = [
    _("The Jobcenter's list of participants (imported by staff)."),
    _("Programme staff (enrolment, attendance, prerequisites, certificates)."),
    _("The participant (hours logged) and the placement supervisor (confirmations)."),
    _(
        "The participant (intake profile, wishes, answers to follow-ups), employers (their wishes, results of "
        "talks, job offers) and the Jobcenter (answers to follow-ups)."
    ),
]

# Shown by the certificates app's public check page for an anonymised holder (its template reads
# ``Certificate.holder_erased``); translated here, where the erasure is decided.
CHECK_PAGE_MESSAGES = (
    _("The holder's data were erased after the retention period."),
    _("The holder's data were erased."),
)

# The labels of the retention settings the courses app stores on Organisation for this app (same msgids, so
# the privacy app's catalogue translates them).
ORGANISATION_SETTING_LABELS = (
    _("retention period (years)"),
    _("Years after the end of a person's measure before their data are anonymised."),
    _("certificates stay verifiable by name"),
    _(
        "After anonymisation the public check page still shows the holder's name. Otherwise it says the "
        "holder's data were erased after the retention period."
    ),
)

CATEGORIES_OF_PEOPLE = [
    _("Participants of the measure"),
    _("Programme staff"),
    _("Placement supervisors and facility contacts"),
    _("Contact persons of employers (Kita and OGS providers)"),
    _("Staff of the funding body and partner organisations (their log-ins and what they opened)"),
]

# Category of every field that says something about a person; fields not named here are records of the
# measure itself (dates, counts, statuses, links). Keys: "app_label.ModelName.field".
IDENTITY = _("identity and contact data")
SOCIAL = _("social-benefit data (§78 SGB X)")
HEALTH = _("health data (Art. 9 DSGVO)")
CRIMINAL = _("criminal-record data (Art. 10 DSGVO)")
PARTICIPATION = _("participation and performance")
FREE_TEXT = _("free text (may name a person)")
LOGIN = _("log-in data")
MATCHING = _("profile for matching (qualifications, availability)")
OUTCOME = _("outcome and job search (Verbleib)")
MEASURE = _("record of the measure")

FIELD_CATEGORIES = {
    "accounts.User.username": LOGIN,
    "accounts.User.password": LOGIN,
    "accounts.User.last_login": LOGIN,
    "accounts.User.first_name": IDENTITY,
    "accounts.User.last_name": IDENTITY,
    "accounts.User.email": IDENTITY,
    "courses.Participant.given_name": IDENTITY,
    "courses.Participant.family_name": IDENTITY,
    "courses.Participant.name_key": IDENTITY,
    "courses.Participant.date_of_birth": IDENTITY,
    "courses.Participant.email": IDENTITY,
    "courses.Participant.phone": IDENTITY,
    "courses.Participant.address": IDENTITY,
    "courses.Participant.german_level": PARTICIPATION,
    "courses.Participant.jobcenter_customer_number": SOCIAL,
    "courses.Enrolment.withdrawal_reason": FREE_TEXT,
    "courses.AttendanceRecord.status": HEALTH,  # "K": sick with a doctor's note
    "courses.AttendanceRecord.note": FREE_TEXT,
    "courses.AttendanceCorrection.old_note": FREE_TEXT,
    "courses.AttendanceCorrection.new_note": FREE_TEXT,
    "placements.Placement.measles_proof_seen_at": HEALTH,
    "placements.Placement.infection_instruction_date": HEALTH,
    "placements.Placement.cancellation_reason": FREE_TEXT,
    "placements.ConductCertificateCheck.inspected_on": CRIMINAL,
    "placements.ConductCertificateCheck.issue_date": CRIMINAL,
    "placements.ConductCertificateCheck.has_relevant_entry": CRIMINAL,
    "placements.HourEntry.activity": FREE_TEXT,
    "placements.HourEntry.rejection_reason": FREE_TEXT,
    "placements.HourEntryEvent.note": FREE_TEXT,
    "placements.HourEntryEvent.details": PARTICIPATION,
    "placements.Facility.contact_name": IDENTITY,
    "placements.Facility.contact_email": IDENTITY,
    "placements.Facility.contact_phone": IDENTITY,
    "certificates.Certificate.snapshot": IDENTITY,  # name and date of birth as printed
    "certificates.Certificate.revocation_reason": FREE_TEXT,
    "certificates.Certificate.correction_reason": FREE_TEXT,
    "spreadsheets.ImportRecord.file_data": SOCIAL,  # the Jobcenter's list, until confirmed or discarded
    "spreadsheets.ImportRecord.preview": IDENTITY,
    "outcomes.Employer.contact_name": IDENTITY,
    "outcomes.Employer.contact_email": IDENTITY,
    "outcomes.Employer.contact_phone": IDENTITY,
    "outcomes.Employer.notes": FREE_TEXT,
    "outcomes.IntakeProfile.qualifications": MATCHING,
    "outcomes.IntakeProfile.recognition_status": MATCHING,
    "outcomes.IntakeProfile.experience_with_children": MATCHING,
    "outcomes.IntakeProfile.interests": MATCHING,
    "outcomes.IntakeProfile.german_level": PARTICIPATION,
    "outcomes.IntakeProfile.german_test_date": PARTICIPATION,
    "outcomes.IntakeProfile.hours_per_week": MATCHING,
    "outcomes.IntakeProfile.family_times": MATCHING,
    "outcomes.IntakeProfile.towns_without_car": MATCHING,
    "outcomes.Goal.title": FREE_TEXT,
    "outcomes.Goal.status": OUTCOME,
    "outcomes.EventParticipant.status": PARTICIPATION,
    "outcomes.EventParticipant.attended": PARTICIPATION,
    "outcomes.ParticipantWish.employer": MATCHING,
    "outcomes.ParticipantWish.rank": MATCHING,
    "outcomes.EmployerWish.employer": MATCHING,
    "outcomes.Talk.participant_interested": OUTCOME,
    "outcomes.Talk.employer_interested": OUTCOME,
    "outcomes.Talk.next_step": OUTCOME,
    "outcomes.Talk.next_step_date": OUTCOME,
    "outcomes.OutcomeRecord.kind": OUTCOME,
    "outcomes.OutcomeRecord.unavailable_reason": HEALTH,  # "illness"
    "outcomes.OutcomeRecord.workplace": OUTCOME,
    "outcomes.OutcomeRecord.hours_per_week": OUTCOME,
    "outcomes.OutcomeRecord.employer": OUTCOME,
    "outcomes.OutcomeRecord.note": FREE_TEXT,
    "notifications.Notification.subject": FREE_TEXT,
    "notifications.Notification.body": FREE_TEXT,
    "notifications.Notification.params": FREE_TEXT,
    "notifications.CalendarFeed.token": LOGIN,
    "courses.EnrolmentDateChange.reason": FREE_TEXT,
    "privacy.LoginRecord.at": LOGIN,
    "courses.PartnerOrganisation.members": LOGIN,
    "courses.PartnerAccess.user": LOGIN,
    "courses.PartnerAccess.organisation_name": IDENTITY,
    "courses.PartnerAccess.at": LOGIN,
    "courses.PartnerAccess.detail": FREE_TEXT,
}

# The models whose fields the record lists: everything that holds data about a person.
RECORDED_MODELS = [
    "accounts.User",
    "courses.Participant",
    "courses.Enrolment",
    "courses.AttendanceRecord",
    "courses.AttendanceCorrection",
    "placements.Facility",
    "placements.Placement",
    "placements.ConductCertificateCheck",
    "placements.HourEntry",
    "placements.HourEntryEvent",
    "certificates.Certificate",
    "spreadsheets.ImportRecord",
    "notifications.Notification",
    "notifications.CalendarFeed",
    "courses.EnrolmentDateChange",
    "outcomes.Employer",
    "outcomes.IntakeProfile",
    "outcomes.Goal",
    "outcomes.EventParticipant",
    "outcomes.ParticipantWish",
    "outcomes.EmployerWish",
    "outcomes.Talk",
    "outcomes.OutcomeRecord",
    "privacy.LoginRecord",
    "courses.PartnerOrganisation",
    "courses.PartnerAccess",
    "privacy.AccessExport",
    "privacy.Erasure",
]

_SKIPPED_USER_FIELDS = {"is_superuser", "is_staff", "groups", "user_permissions"}


def recorded_fields() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """[(model label, [(field name, field label, category), ...]), ...] for every recorded model."""
    result = []
    for label in RECORDED_MODELS:
        model = apps.get_model(label)
        rows = []
        for field in model._meta.get_fields():
            if field.auto_created or not field.concrete and not field.many_to_many:
                continue
            if label == "accounts.User" and field.name in _SKIPPED_USER_FIELDS:
                continue
            category = FIELD_CATEGORIES.get(f"{label}.{field.name}", MEASURE)
            rows.append((field.name, str(field.verbose_name), str(category)))
        result.append((label, rows))
    return result


def default_retention_years() -> int:
    from courses.models import Organisation

    return Organisation._meta.get_field("retention_years").default


def storage_periods(retention_years: int | None = None) -> list[str]:
    """How long what is kept, with the numbers the code uses."""
    years = retention_years if retention_years is not None else default_retention_years()
    return [
        _(
            "Records of the measure: %(years)d years after the end of the person's measure (the cohort's end, "
            "the withdrawal or the placement's end, whichever is last); then name, date of birth, contact data, "
            "customer number, notes, free texts and the log-in are removed, and attendance and hours stay only "
            "as anonymous numbers."
        )
        % {"years": years},
        _(
            "Certificate of conduct facts (§72a SGB VIII): deleted %(months)d months after the activity actually "
            "ended (the placement's end or the withdrawal), at once if the placement never started."
        )
        % {"months": placement_conf.conduct_retention_months()},
        _("Uploaded participant lists: deleted on confirmation, unconfirmed ones after %(days)d days.")
        % {"days": spreadsheets_conf.preview_retention_days()},
        _(
            "Intake profile, goals, speed-dating and outcome records: as the records of the measure; on "
            "anonymisation the profile's contents, the goals' texts and the notes are removed, while invitations, "
            "talks and outcome records stay without a name so that the outcome rate still adds up."
        ),
        _("Log-in history: %(days)d days.") % {"days": conf.login_record_days()},
        _(
            "Record of what the funder's and partners' log-ins opened or exported: as the records of the measure; "
            "it names the partner's log-in, the cohort and the page, never a participant (a detail that does is "
            "erased with the participant's data). A record about a cohort is deleted once the cohort ended more "
            "than the retention period ago and everyone of it is anonymised; a record of an overview without a "
            "cohort (figures only) is deleted with the log-in history."
        ),
        _(
            "Certificate register: number, status, programme and issue date stay so that a certificate can "
            "still be checked; the holder's name only if the provider keeps certificates verifiable by name."
        ),
    ]


def declaration(retention_years: int | None = None) -> dict[str, list[str]]:
    """The information Art. 15(1) requires besides the data, as plain text in the active language."""
    return {
        "purposes": [str(p) for p in PURPOSES],
        "legal_bases": [str(b) for b in LEGAL_BASES],
        "recipients": [str(r) for r in RECIPIENTS],
        "sources": [str(s) for s in SOURCES],
        "storage_periods": [str(s) for s in storage_periods(retention_years)],
    }
