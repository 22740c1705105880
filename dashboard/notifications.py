"""What the dashboard registers with the notifications app: the quarterly report as a prepared download,
and the daily recount of every cohort's figures."""

import datetime

from notifications.jobs import background, daily
from notifications.prepared import Preparer, register


def _may_request(user, params) -> bool:
    from .report import measure_cohorts

    if not user.is_authenticated or params.get("by") != user.pk or not user.has_perm("courses.view_dashboard"):
        return False
    return measure_cohorts(user, str(params.get("measure", ""))).exists()


def _title(params) -> str:
    from .report import title

    return title(params)


def _build(params, progress):
    from .report import build

    return build(params, progress)


QUARTERLY_REPORT = register(
    Preparer("dashboard_quarterly_report", may_request=_may_request, title=_title, build=_build)
)


@daily("dashboard_figures")
@background
def dashboard_figures(today: str) -> int:
    """Count every cohort's figures anew (attendance, hours and follow-ups change every day)."""
    from .services import figures_rebuild

    return figures_rebuild(today=datetime.date.fromisoformat(today))
