"""What "the participant pages' msgids" are: every message a participant's pages, e-mails and notifications
look up while they are rendered, recorded by wrapping Django's translation functions. The pages are the URL
walk's (tests/url_access: each URL a participant may open, in the walk's world with a placement, hour entries,
a certificate and a speed-dating invitation) plus the public pages a participant opens without logging in,
so a new participant page needs no list of its own here."""

import contextlib

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import trans_real

from tests.test_url_access import ENTRIES, NOT_WALKED

# Public pages a participant (or anyone holding their certificate) opens without logging in.
PUBLIC_PAGES = (
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:invitation_link",
    "accounts:first_login",
    "certificates:verify",
    "certificates:verify_code",
    "certificates:verify_pdf",
    "certificates:verify_credential",
)
# Files, not pages: the documents stay German or English (docs/languages.md), the calendar is data.
NOT_PAGES = (
    "certificates:download",
    "certificates:credential_download",
    "certificates:credential_badge",
    "privacy:my_export",
    "privacy:participant_export",
    "notifications:own_calendar",
)
# E-mails and notifications to participants: notifications.kinds with audience "participant", and accounts'.
EMAIL_TEMPLATES = (
    "accounts/email/invitation_subject.txt",
    "accounts/email/invitation.txt",
    "accounts/email/password_reset_subject.txt",
    "accounts/email/password_reset.txt",
)

# Participant messages the walk's world does not show (other states of the same pages: a certificate
# checklist before issuing, a revoked certificate, each refusal of the hour log, every status on the check
# page). They are checked like the recorded ones.
OTHER_STATES = frozenset(
    {
        "date",
        "You have reached the minimum attendance for this module.",
        "Careful: if you miss more sessions, you may not reach the minimum.",
        (
            "Sessions missed: %(excused)s with an excuse, %(sick)s ill with a doctor's note, %(unexcused)s without an "
            "excuse."
        ),
        "%(units)s teaching units are not entered yet. They do not count against you.",
        "absent with an excuse",
        "ill with a doctor's note",
        "absent without an excuse",
        "present",
        "You left the course. The programme staff can give you a certificate of attendance instead.",
        "You do not need to do anything: this is met when the course and your placement are over.",
        "Talk to the programme staff: your placement must be at a facility of an allowed type.",
        "You left this course on %(date)s.",
        "This course has ended.",
        "You are not enrolled in a course.",
        "Your login is not linked to a participant record yet. Please contact the programme staff.",
        "This certificate of attendance was revoked on %(date)s. It is no longer valid.",
        "This certificate was revoked on %(date)s. It is no longer valid.",
        "It was replaced by the document number %(number)s.",
        (
            "A certificate of attendance (Teilnahmebescheinigung) confirms only what was attended. It does not certify "
            "that the programme was completed successfully."
        ),
        "Not found. Please check the number and the code.",
        "The holder's data were erased after the retention period.",
        "The holder's data were erased.",
        "This certificate has been superseded by a corrected certificate. It is no longer valid.",
        "This certificate of attendance has been superseded by a corrected one. It is no longer valid.",
        "This certificate of attendance is valid.",
        "Please give the date, the start and the end time.",
        "The break cannot be negative.",
        "The end time must be after the start time.",
        "The break must be shorter than the time from start to end.",
        "The date must lie within the placement period (%(start)s–%(end)s).",
        "Hours cannot be recorded for a future date.",
        "The end time is still in the future.",
        "This time overlaps with another entry on %(date)s (%(start)s–%(end)s).",
        "With this entry %(date)s would have %(hours)s hours of work; at most %(limit)s hours a day are allowed.",
        (
            "Between the end of work on %(earlier)s at %(finished)s and the start on %(later)s at %(began)s there are "
            "only %(rest)s hours of rest; the working-time law requires at least %(required)s hours."
        ),
        (
            "For %(hours)s hours of work on %(date)s the working-time law requires a break of at least %(required)d "
            "minutes; only %(taken)d minutes are recorded."
        ),
        "Hours can only be recorded once the placement has started.",
        "The hours were recorded and wait for the supervisor's confirmation.",
        "Hours can only be recorded from the enrolment date (%(date)s) on.",
        "The participant withdrew on %(withdrawn)s; hours of %(date)s cannot be recorded or confirmed.",
        "Please describe the activity in at most %(limit)d characters (this text has %(length)d).",
        "(and %(count)s more)",
        "Withdrew on %(date)s.",
        "Last teaching day: %(date)s.",
        "The placement's end is not known yet.",
        "The placement ends on %(date)s.",
        "Met from %(date)s.",
        # The prepared-download page the Art. 15 export leads to (the walk's world holds only staff's download).
        "Data access export (Art. 15 GDPR), record %(number)s",
        "Your file is ready.",
        "Download",
        "The file could not be prepared. Please try again later or tell the administrator.",
        "The file is being prepared for you. You may leave this page: it stays under “Prepared downloads”.",
        "All prepared downloads",
        "Progress",
        "%(done)s of %(total)s",
        "No placement has been arranged yet.",
        "Modules attended",
        "The programme has no modules.",
        "%(rate)s %% attended (%(attended)s of %(planned)s teaching units).",
        "Module %(position)s %(title)s",
        "Placement at an allowed type of facility (%(types)s)",
        "%(facility)s is a %(type)s, which this programme does not accept.",
        "%(confirmed)s hours confirmed.",
        "All checks recorded.",
        "Your certificate %(number)s was revoked on %(date)s. Please contact the programme staff.",
        "You meet every requirement. The programme staff will issue your certificate.",
        "%(met)s of %(total)s requirements met so far:",
        (
            "You left the course on %(date)s. The programme staff can issue a certificate of attendance "
            "(Teilnahmebescheinigung) for what you attended."
        ),
        "Certificate %(number)s was revoked on %(date)s.",
        "Please contact the programme staff.",
        "Every requirement is met.",
        "The programme staff will issue your certificate.",
        "No certificate yet: not every requirement is met.",
        "Certificate of attendance %(number)s was revoked on %(date)s.",
        (
            "Confirms what was attended, without judging: for everyone who does not get the certificate, "
            "and on request for anyone."
        ),
        "Not issued yet. Ask the programme staff if you need one.",
        "You are not invited to a speed-dating event yet.",
    }
)


def participant_page_names() -> list[str]:
    return sorted(
        name
        for name, access in ENTRIES.items()
        if "participant" in access.allowed and name not in NOT_WALKED and name not in NOT_PAGES
    )


class Recorder:
    """Wraps the translation functions Django's ``_trans`` hands out (templates and lazy strings all end
    there) and keeps each message's catalogue key: the msgid, "context\\x04msgid", or (msgid, 0) for plurals."""

    NAMES = ("gettext", "pgettext", "ngettext", "npgettext")

    def __init__(self):
        self.keys: set = set()

    @contextlib.contextmanager
    def recording(self):
        from django.utils import translation

        trans = translation._trans
        saved = {name: trans.__dict__.get(name) for name in self.NAMES}
        real = {name: getattr(trans_real, name) for name in self.NAMES}

        def gettext(message):
            self._add(str(message))
            return real["gettext"](message)

        def pgettext(context, message):
            self._add(f"{context}\x04{message}")
            return real["pgettext"](context, message)

        def ngettext(singular, plural, number):
            self._add((str(singular), 0))
            return real["ngettext"](singular, plural, number)

        def npgettext(context, singular, plural, number):
            self._add((f"{context}\x04{singular}", 0))
            return real["npgettext"](context, singular, plural, number)

        for name, function in zip(self.NAMES, (gettext, pgettext, ngettext, npgettext), strict=True):
            setattr(trans, name, function)
        try:
            yield self
        finally:
            for name, function in saved.items():
                if function is None:
                    trans.__dict__.pop(name, None)
                else:
                    setattr(trans, name, function)

    def _add(self, key):
        text = key[0] if isinstance(key, tuple) else key
        if text.strip():
            self.keys.add(key)


def _log_hours(client, world):
    """The hour log's answers: the usual mistakes (each refused with its message) and one saved day."""
    import datetime

    url = reverse("placements:hour_entry_create", kwargs={"pk": world.placement.pk})
    day = world.placement.start_date
    later = datetime.date.today() + datetime.timedelta(days=3)
    tries = [
        {},
        {"date": f"{day:%d.%m.%Y}", "start_time": "13:00", "end_time": "12:00", "break_minutes": "0"},
        {"date": f"{day:%d.%m.%Y}", "start_time": "09:00", "end_time": "11:00", "break_minutes": "0"},
        {"date": f"{day:%d.%m.%Y}", "start_time": "12:00", "end_time": "23:30", "break_minutes": "0"},
        {"date": f"{day:%d.%m.%Y}", "start_time": "13:00", "end_time": "14:00", "break_minutes": "90"},
        {
            "date": f"{world.placement.end_date + datetime.timedelta(days=1):%d.%m.%Y}",
            "start_time": "08:00",
            "end_time": "09:00",
            "break_minutes": "0",
        },
        {"date": f"{later:%d.%m.%Y}", "start_time": "08:00", "end_time": "09:00", "break_minutes": "0"},
        {
            "date": f"{day:%d.%m.%Y}",
            "start_time": "13:00",
            "end_time": "15:00",
            "break_minutes": "0",
            "activity": "Morgenkreis",
        },
    ]
    for data in tries:
        client.post(url, data, follow=True)


def collect(client, world) -> tuple[set, list[str]]:
    """(catalogue keys, problems): renders every participant page in German as the world's participant and
    the public pages as a visitor; a page that does not answer 200 is a problem (the list would be short)."""
    from notifications import kinds

    recorder = Recorder()
    problems = []
    with recorder.recording():
        client.force_login(world.users["participant"])
        for name in participant_page_names():
            access = ENTRIES[name]
            response = client.get(reverse(name, kwargs=access.kwargs(world)) + access.query)
            if response.status_code != access.allowed_status:
                problems.append(f"{name}: {response.status_code}")
        _log_hours(client, world)
        client.logout()
        for name in PUBLIC_PAGES:
            access = ENTRIES[name]
            response = client.get(reverse(name, kwargs=access.kwargs(world)) + access.query)
            if response.status_code != access.allowed_status:
                problems.append(f"{name}: {response.status_code}")
        user = world.users["participant"]
        context = {"recipient": user, "user": user, "link": "https://example.org/", "site_url": "", "uid": "MQ"}
        context |= {"token": "token", "document": "certificate", "missed": True, "organisation_name": "AWO"}
        context |= {"topic": "Kinderrechte", "date": world.cohort.start_date, "reason": "-"}
        templates = list(EMAIL_TEMPLATES)
        for kind in kinds.KINDS.values():
            if kind.audience == "participant":
                templates += [f"notifications/email/{kind.code}_subject.txt", f"notifications/email/{kind.code}.txt"]
                str(kind.label)
        for template in templates:
            render_to_string(template, context)
    return recorder.keys | OTHER_STATES, problems
