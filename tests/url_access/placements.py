import datetime

from django.utils import timezone

from placements.models import HourEntry, HourEntryStatus, Placement, PlacementStatus

from . import allow


def extend_world(world):
    """An active placement of the participant at the supervisor's facility, with one pending entry.
    Made directly (not through the services) so the walk does not depend on today's date."""
    cohort = world.cohort
    world.placement = Placement.objects.create(
        enrolment=world.enrolment,
        facility=world.supervisor_facility,
        supervisor=world.users["supervisor"],
        start_date=cohort.start_date,
        end_date=cohort.end_date,
        planned_hours=90,
        status=PlacementStatus.ACTIVE,
        activated_at=timezone.now(),
    )
    world.hour_entry = HourEntry.objects.create(
        placement=world.placement,
        date=cohort.start_date,
        start_time=datetime.time(8),
        end_time=datetime.time(12),
        break_minutes=0,
        work_minutes=240,
        status=HourEntryStatus.PENDING,
    )


def _facility(w):
    return {"pk": w.supervisor_facility.pk}


def _placement(w):
    return {"pk": w.placement.pk}


def _entry(w):
    return {"pk": w.hour_entry.pk}


ENTRIES = {
    "placements:facility_list": allow("staff", "other_staff"),  # lists are scoped, not refused
    "placements:facility_create": allow("staff", "other_staff"),
    "placements:facility_detail": allow("staff", "supervisor", kwargs=_facility),
    "placements:facility_update": allow("staff", kwargs=_facility),
    "placements:facility_supervisors": allow("staff", kwargs=_facility),
    # Each form of a page with several posts to its own URL: a GET is refused (405) after the permission check.
    "placements:facility_supervisor_create": allow("staff", kwargs=_facility, allowed_status=405),
    "placements:facility_supervisor_link": allow("staff", kwargs=_facility, allowed_status=405),
    "placements:facility_supervisor_invite": allow("staff", kwargs=_facility, allowed_status=405),
    "placements:facility_supervisor_unlink": allow("staff", kwargs=_facility, allowed_status=405),
    "placements:placement_list": allow("staff", "other_staff"),  # scoped
    "placements:placement_create": allow("staff", kwargs=lambda w: {"pk": w.enrolment.pk}),
    "placements:placement_detail": allow("staff", "supervisor", "participant", kwargs=_placement),
    "placements:placement_update": allow("staff", kwargs=_placement),
    "placements:placement_prerequisites": allow("staff", kwargs=_placement),
    "placements:conduct_check": allow("staff", kwargs=_placement, allowed_status=405),
    "placements:measles_proof": allow("staff", kwargs=_placement, allowed_status=405),
    "placements:infection_instruction": allow("staff", kwargs=_placement, allowed_status=405),
    # POST starts the placement; a GET by someone allowed only leads back to the placement page.
    "placements:placement_activate": allow("staff", kwargs=_placement, allowed_status=302),
    "placements:placement_cancel": allow("staff", kwargs=_placement),
    "placements:hour_entry_create": allow("staff", "participant", kwargs=_placement),
    "placements:hour_entry_correct": allow("staff", kwargs=_entry),
    "placements:hour_entry_edit": allow("participant", kwargs=_entry),  # their own entry, while pending
    "placements:hour_entry_reject": allow("supervisor", kwargs=_entry),
    "placements:hour_entry_confirm": allow("supervisor", kwargs=_entry, allowed_status=302),
    "placements:pending_entries": allow("supervisor", "other_supervisor"),  # scoped: the other sees an empty list
}
