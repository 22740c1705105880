"""Staff are told when follow-ups (Verbleib 0, 3 and 6 months after the end) fall due: the start page lists
them, but nobody opens it for a cohort that ended half a year ago."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications.jobs import background, daily
from notifications.kinds import Kind, register
from notifications.models import SentOnce
from notifications.services import notify

from .selectors import follow_ups_due

FOLLOWUP_DUE = register(Kind("followup_due", _("Follow-ups due"), audience="staff"))


@daily("followups_due")
@background
def followups_due(today: str) -> int:
    """Each member of staff is told once of each follow-up of their organisations whose day has come (the
    start page's rule, ``outcomes.selectors.follow_ups_due``): one message a day listing the new ones."""
    from courses.models import Organisation

    day = datetime.date.fromisoformat(today)
    told = 0
    for organisation in Organisation.objects.order_by("pk"):
        for user in organisation.staff_members.filter(is_active=True, role="staff").order_by("pk"):
            due, _count = follow_ups_due(user, today=day, limit=10**6)
            keys = {f"followup:{user.pk}:{f.enrolment.pk}:{f.month}": f for f in due}
            keys = {k: f for k, f in keys.items() if f.enrolment.cohort.site.organisation_id == organisation.pk}
            known = set(SentOnce.objects.filter(key__in=list(keys)).values_list("key", flat=True))
            new = [f for key, f in keys.items() if key not in known]
            if not new:
                continue
            made = notify(
                kind=FOLLOWUP_DUE.code,
                recipient=user,
                organisation=organisation,
                params={
                    "follow_ups": [
                        {
                            "participant": f.enrolment.participant.full_name,
                            "cohort": str(f.enrolment.cohort),
                            "month": f.month,
                            "due": f.due.isoformat(),
                        }
                        for f in new
                    ]
                },
                link=reverse("home"),
                once=f"followups:{user.pk}:{organisation.pk}:{today}",
            )
            SentOnce.objects.bulk_create(
                [SentOnce(key=key) for key in keys if key not in known], ignore_conflicts=True
            )
            told += made is not None
    return told
