"""How the demo meets a new user on the day it is loaded, not on the day it was built.

``make fixtures`` builds the demo through the services (``demo.builders.build_all``: the builders, then every
app's ``demo/steps_<app>.py``) on a scratch database, dumps it to ``fixtures/demo.json`` and writes the day it
was built (and the ``SITE_URL`` it was built with) to ``fixtures/demo.meta.json``. ``make run`` loads it with
``load_demo``, which calls :func:`load` here:

1. **Every date moves by whole weeks**, so that the build day's week becomes the load day's week and each
   session keeps its weekday. The fields are found by model introspection, so a new app's models move too,
   with nothing to register: every ``DateField`` and ``DateTimeField`` (date-times on the Berlin wall clock,
   so 08:30 stays 08:30 across summer time) and every ISO date or date-time string inside a ``JSONField``
   (frozen certificate snapshots, event details). What must not move is named in ``UNSHIFTED`` (birth dates).
   The build's ``SITE_URL`` inside JSON fields (a certificate's verification address, its QR code) becomes
   the loading installation's ``SITE_URL``.
2. **Then the days between the build day and today are filled in** by ``LOAD_STEPS``: functions
   ``step(today)`` that go through the services like the build steps (the registers of the running cohort's
   sessions since the build day, up to yesterday).

Why not build through the services at load time: it takes about 40 s (registers, hours, PDFs' snapshots),
the load about 6 s; ``make run`` should stay quick.

**Adding a demo step (another app):** write ``def build_<thing>(world)`` in ``demo/steps_<app>.py``, list it
in that module's ``STEPS`` and the module in ``demo.builders._later_steps``; then ``make fixtures``. Dates are
relative to ``timezone.localdate()`` (the build day) or to the cohorts' dates, never written as fixed days
near today. Nothing else is needed for the shift; a date that must stay as it is (a birth date, a document's
own date that a test compares) goes into ``UNSHIFTED``. Something that must happen on the load day itself
(a record "yesterday") goes into ``LOAD_STEPS``.
"""

import datetime
import json
import re
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models, transaction
from django.utils import timezone

BERLIN = ZoneInfo("Europe/Berlin")
FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo.json"
META = Path(settings.BASE_DIR) / "fixtures" / "demo.meta.json"
# Field names (model fields and keys inside JSON fields) whose dates stay as built.
UNSHIFTED = {"date_of_birth"}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def write_meta(*, built_on: datetime.date, path: Path = META) -> None:
    path.write_text(
        json.dumps({"built_on": built_on.isoformat(), "site_url": settings.SITE_URL}, indent=1) + "\n",
        encoding="utf-8",
    )


def read_meta(path: Path = META) -> tuple[datetime.date, str]:
    meta = json.loads(path.read_text(encoding="utf-8"))
    return datetime.date.fromisoformat(meta["built_on"]), meta["site_url"]


def week_shift(built_on: datetime.date, today: datetime.date) -> int:
    """Days to add: the whole weeks from the build day to today (never more, so nothing lands after today
    that was before the build day)."""
    return 7 * ((today - built_on).days // 7)


def _shift_date(text: str, days: int) -> str:
    return (datetime.date.fromisoformat(text) + datetime.timedelta(days=days)).isoformat()


def _shift_datetime(text: str, days: int) -> str:
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        return (moment + datetime.timedelta(days=days)).isoformat()
    wall = moment.astimezone(BERLIN).replace(tzinfo=None) + datetime.timedelta(days=days)
    shifted = wall.replace(tzinfo=BERLIN).astimezone(datetime.UTC)
    return shifted.isoformat().replace("+00:00", "Z") if text.endswith("Z") else shifted.isoformat()


def _shift_json(value, days: int, old_url: str, new_url: str):
    if isinstance(value, dict):
        return {
            key: item if key in UNSHIFTED else _shift_json(item, days, old_url, new_url) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_shift_json(item, days, old_url, new_url) for item in value]
    if isinstance(value, str):
        if days and _ISO_DATE.match(value):
            return _shift_date(value, days)
        if days and _ISO_DATETIME.match(value):
            return _shift_datetime(value, days)
        if old_url != new_url and value.startswith(old_url):
            return new_url + value[len(old_url) :]
    return value


def _fields_to_shift(label: str) -> dict[str, str]:
    """{field name: "date" | "datetime" | "json"} of one model, found by introspection."""
    model = apps.get_model(label)
    kinds = {}
    for field in model._meta.concrete_fields:
        if field.name in UNSHIFTED:
            continue
        if isinstance(field, models.DateTimeField):
            kinds[field.name] = "datetime"
        elif isinstance(field, models.DateField):
            kinds[field.name] = "date"
        elif isinstance(field, models.JSONField):
            kinds[field.name] = "json"
    return kinds


def shift_objects(objects: list[dict], *, days: int, old_url: str, new_url: str) -> list[dict]:
    """The fixture's objects (as dumped by ``dumpdata``) with every date moved by ``days``."""
    kinds_of: dict[str, dict[str, str]] = {}
    for obj in objects:
        kinds = kinds_of.setdefault(obj["model"], _fields_to_shift(obj["model"]))
        fields = obj["fields"]
        for name, kind in kinds.items():
            value = fields.get(name)
            if value is None:
                continue
            if kind == "json":
                fields[name] = _shift_json(value, days, old_url, new_url)
            elif days and kind == "date":
                fields[name] = _shift_date(value, days)
            elif days:
                fields[name] = _shift_datetime(value, days)
    return objects


def take_missing_registers(today: datetime.date) -> None:
    """The running cohorts' sessions between the build day and yesterday get their register, as staff would
    have taken it (everyone present): the demo shows registers up to yesterday, today's is left to take."""
    from django.contrib.auth import get_user_model

    from courses import services
    from courses.models import AttendanceRecord, CohortStatus, TeachingSession
    from courses.selectors import enrolments_on

    staff = get_user_model().objects.get(username="mitarbeiterin")
    sessions = (
        TeachingSession.objects.filter(cohort__status=CohortStatus.RUNNING, date__lt=today)
        .exclude(pk__in=AttendanceRecord.objects.values("session_id"))
        .select_related("cohort")
        .order_by("date", "start_time")
    )
    for session in sessions:
        entries = [services.AttendanceEntry(e.pk, "P") for e in enrolments_on(session.cohort, session.date)]
        if entries:
            services.attendance_record(session=session, entries=entries, by=staff)


def reencode_qr_codes(today: datetime.date) -> None:
    """A certificate snapshot keeps its QR code encoded at issue time (``qr_rows``); where the verification
    address was moved to this installation's SITE_URL, the code is encoded again for the new address."""
    from certificates.models import Certificate
    from certificates.qr import qr_rows_for

    if read_meta()[1] == settings.SITE_URL:
        return  # the addresses, and so the codes, are as built
    changed = []
    for certificate in Certificate.objects.only("snapshot"):
        snapshot = certificate.snapshot
        url = snapshot.get("verification_url", "")
        if snapshot.get("qr_rows") and url.startswith(settings.SITE_URL + "/"):
            rows = qr_rows_for(url)
            if rows != snapshot["qr_rows"]:
                snapshot["qr_rows"] = rows
                changed.append(certificate)
    Certificate.objects.bulk_update(changed, ["snapshot"])


def count_dashboard_figures(today: datetime.date) -> None:
    """The dashboard's stored figures, counted for the loaded days (docs/dashboard.md); the fixture has none."""
    from dashboard.services import figures_rebuild

    figures_rebuild(today=today)


LOAD_STEPS = [take_missing_registers, reencode_qr_codes, count_dashboard_figures]


@transaction.atomic
def load(*, today: datetime.date | None = None, fixture: Path = FIXTURE, meta: Path = META) -> int:
    """Load the demo into an empty database as if it had been built this week; returns the days shifted."""
    today = today or timezone.localdate()
    built_on, built_url = read_meta(meta)
    days = week_shift(built_on, today)
    objects = shift_objects(
        json.loads(fixture.read_text(encoding="utf-8")), days=days, old_url=built_url, new_url=settings.SITE_URL
    )
    with tempfile.TemporaryDirectory() as folder:
        shifted = Path(folder) / "demo.json"
        shifted.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
        call_command("loaddata", str(shifted), verbosity=0)
    for step in LOAD_STEPS:
        step(today)
    return days
