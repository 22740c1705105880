"""Writing the stored figures: always counted anew from the facts, never patched (docs/dashboard.md)."""

import datetime

from django.db import transaction
from django.utils import timezone

from courses.models import Cohort

from .figures import CHUNK, count_figures
from .models import CohortFigures


def figures_rebuild(*, cohort_ids=None, today: datetime.date | None = None) -> int:
    """Count the figures of the given cohorts (all when None) and replace their stored rows; returns how
    many cohorts were counted. Idempotent: running it twice stores the same rows. Each chunk of cohorts is
    replaced in its own transaction, so readers never see a cohort without figures for long."""
    today = today or timezone.localdate()
    ids = list(Cohort.objects.order_by("pk").values_list("pk", flat=True)) if cohort_ids is None else list(cohort_ids)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        counted = count_figures(chunk, today=today)
        with transaction.atomic():
            CohortFigures.objects.filter(cohort_id__in=chunk).delete()
            CohortFigures.objects.bulk_create(CohortFigures(cohort_id=pk, **values) for pk, values in counted.items())
    if cohort_ids is None:  # cohorts deleted since the last run
        CohortFigures.objects.exclude(cohort_id__in=Cohort.objects.values("pk")).delete()
    return len(ids)
