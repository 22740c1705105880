"""Staff are told when follow-ups (Verbleib 0, 3 and 6 months after the end) fall due: the start page lists
them, but nobody opens it for a cohort that ended half a year ago."""

import datetime

from django.contrib.auth import get_user_model
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
    from courses.rules import staff_organisation_ids

    day = datetime.date.fromisoformat(today)
    organisations = Organisation.objects.in_bulk()
    staff = get_user_model().objects.filter(is_active=True, role="staff", organisations__isnull=False).distinct()
    told = 0
    for user in staff.order_by("pk"):
        # Once per person, for all their organisations; the messages go out per organisation.
        due, _count = follow_ups_due(user, today=day, limit=10**6)
        keys = {f"followup:{user.pk}:{f.enrolment.pk}:{f.month}": f for f in due}
        known = set(SentOnce.objects.filter(key__in=list(keys)).values_list("key", flat=True))
        mine = staff_organisation_ids(user)
        new_by_organisation: dict[int, list] = {}
        for key, follow_up in keys.items():
            organisation_id = follow_up.enrolment.cohort.site.organisation_id
            if key not in known and organisation_id in mine:
                new_by_organisation.setdefault(organisation_id, []).append((key, follow_up))
        for organisation_id, new in sorted(new_by_organisation.items()):
            made = notify(
                kind=FOLLOWUP_DUE.code,
                recipient=user,
                organisation=organisations[organisation_id],
                params={
                    "follow_ups": [
                        {
                            "participant": f.enrolment.participant.full_name,
                            "cohort": str(f.enrolment.cohort),
                            "month": f.month,
                            "due": f.due.isoformat(),
                        }
                        for _key, f in new
                    ]
                },
                link=reverse("home"),
                once=f"followups:{user.pk}:{organisation_id}:{today}",
            )
            SentOnce.objects.bulk_create([SentOnce(key=key) for key, _f in new], ignore_conflicts=True)
            told += made is not None
    return told
