"""The kinds of notification. Each kind has a subject and a text template in
``notifications/email/<code>_subject.txt`` and ``notifications/email/<code>.txt`` (any app's templates
directory may provide them); the HTML e-mail wraps the text in ``notifications/email/base.html``.

Another app registers its own kinds in ``<app>/notifications.py`` (imported at start-up)::

    from notifications.kinds import Kind, register
    register(Kind("followup_due", _("Follow-up due"), audience="staff"))
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    audience: str  # "participant", "supervisor" or "staff": who gets it (for the documentation and admin)


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    KINDS[kind.code] = kind
    return kind


def get(code: str) -> Kind:
    try:
        return KINDS[code]
    except KeyError:
        raise LookupError(f"No notification kind {code!r} is registered.") from None


def choices() -> list[tuple[str, str]]:
    return [(kind.code, kind.label) for kind in KINDS.values()]


CERTIFICATE_ISSUED = register(Kind("certificate_issued", _("Certificate issued"), "participant"))
HOURS_CONFIRMED = register(Kind("hours_confirmed", _("Placement hours confirmed"), "participant"))
HOURS_REJECTED = register(Kind("hours_rejected", _("Placement hours rejected"), "participant"))
ATTENDANCE_AT_RISK = register(Kind("attendance_at_risk", _("Attendance at risk"), "participant"))
TIMETABLE_CHANGED = register(Kind("timetable_changed", _("Timetable changed"), "participant"))
SUPERVISOR_DIGEST = register(Kind("supervisor_digest", _("Hours waiting for confirmation"), "supervisor"))
PARTICIPANT_PLACED = register(Kind("participant_placed", _("New participant placed"), "supervisor"))
STAFF_HOURS_WAITING = register(Kind("staff_hours_waiting", _("Hours waiting too long at a facility"), "staff"))
STAFF_AT_RISK = register(Kind("staff_at_risk", _("Participants at risk"), "staff"))
IMPORT_PENDING = register(Kind("import_pending", _("Import waiting for confirmation"), "staff"))
