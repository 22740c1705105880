"""What is still missing before a placement may start. One pure function, used by the services (to refuse
the start), the selectors (summaries for the certificates) and the pages (to say exactly what is missing)."""

from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.dates import short_date

from . import conf


def needs_measles_proof(date_of_birth) -> bool:
    return date_of_birth is not None and date_of_birth > conf.MEASLES_BORN_AFTER


def missing_prerequisites(placement, *, conduct_check=None, date_of_birth=None) -> list[str]:
    """Translated sentences, one per missing or insufficient prerequisite; empty when the placement may start.

    ``conduct_check`` and ``date_of_birth`` are passed by callers that have loaded them in bulk; otherwise
    they are read from the placement (``placement.conduct_check``, ``placement.enrolment.participant``).
    """
    missing: list[str] = []
    if conduct_check is None:
        conduct_check = getattr(placement, "conduct_check", None) if _has_conduct_check(placement) else None
    if date_of_birth is None:
        date_of_birth = placement.enrolment.participant.date_of_birth

    if conduct_check is None:
        # After the retention period the facts are gone by law; a placement that started had them complete.
        if not placement.conduct_facts_deleted_after_start:
            missing.append(_("The extended certificate of conduct (§72a SGB VIII) has not been inspected."))
    else:
        if conduct_check.has_relevant_entry:
            missing.append(_("The certificate of conduct shows a relevant entry under §72a SGB VIII."))
        months = conf.conduct_max_age_months()
        if conduct_check.issue_date < conf.add_months(conduct_check.inspected_on, -months):
            missing.append(
                _("The certificate of conduct was more than %(months)d months old when it was inspected.")
                % {"months": months}
            )

    if needs_measles_proof(date_of_birth) and not placement.measles_proof_recorded:
        missing.append(_("Proof of measles protection has not been recorded."))

    if placement.infection_instruction_date is None:
        missing.append(_("The infection-protection instruction (§34 IfSG) has not been recorded."))
    else:
        months = conf.infection_instruction_valid_months()
        if placement.infection_instruction_date < conf.add_months(placement.start_date, -months):
            missing.append(
                _(
                    "The infection-protection instruction of %(date)s is more than %(months)d months old at the "
                    "start of the placement; it must be renewed."
                )
                % {"date": short_date(placement.infection_instruction_date), "months": months}
            )
    return missing


def prerequisites_complete_q() -> Q:
    """The database's form of ``not missing_prerequisites(placement)`` for a Placement queryset, rule by rule
    as above (tests/certificates/test_counts_in_database.py holds both to the same answers)."""
    conduct = (
        Q(conduct_check__isnull=False, conduct_check__has_relevant_entry=False)
        & conf.on_or_after_add_months(
            "conduct_check__issue_date", "conduct_check__inspected_on", -conf.conduct_max_age_months()
        )
    ) | Q(conduct_check__isnull=True, conduct_check_deleted_at__isnull=False, activated_at__isnull=False)
    born = "enrolment__participant__date_of_birth"
    measles = (
        Q(**{f"{born}__isnull": True})
        | Q(**{f"{born}__lte": conf.MEASLES_BORN_AFTER})
        | Q(measles_proof_seen_at__isnull=False)
    )
    infection = Q(infection_instruction_date__isnull=False) & conf.on_or_after_add_months(
        "infection_instruction_date", "start_date", -conf.infection_instruction_valid_months()
    )
    return conduct & measles & infection


def _has_conduct_check(placement) -> bool:
    from .models import ConductCertificateCheck

    try:
        placement.conduct_check  # noqa: B018 - loads or raises
    except ConductCertificateCheck.DoesNotExist:
        return False
    return True


def planned_badge(missing: list[str] | None) -> str:
    """The badge of a planned placement, from the same list the page shows under it: "waiting for
    prerequisites" while anything is missing, "ready to start" when nothing is. ``None`` (a list that did not
    work the prerequisites out) says only "planned", which never contradicts the page."""
    if missing is None:
        return format_html('<span class="badge text-bg-light border">{}</span>', _("planned"))
    if missing:
        return format_html('<span class="badge text-bg-warning">{}</span>', _("waiting for prerequisites"))
    return format_html('<span class="badge text-bg-info">{}</span>', _("ready to start"))
