"""The outcomes pages: staff of the organisation only; participants their own invitation and profile."""

from . import allow


def extend_world(world):
    import datetime

    from outcomes.models import Employer, Event, EventEmployer, EventParticipant, Talk

    organisation = world.cohort.site.organisation
    world.employer = Employer.objects.create(organisation=organisation, name="AWO Kitas Dülmen")
    world.event = Event.objects.create(
        organisation=organisation,
        date=datetime.date.today() + datetime.timedelta(days=14),
        place="Kreishaus Coesfeld",
        start_time=datetime.time(10, 0),
    )
    world.event.cohorts.add(world.cohort)
    world.employer_invitation = EventEmployer.objects.create(
        event=world.event, employer=world.employer, status="accepted"
    )
    world.invitation = EventParticipant.objects.create(
        event=world.event, participant=world.participant, status="accepted"
    )
    world.talk = Talk.objects.create(
        event=world.event, round=1, table=1, participant=world.participant, employer=world.employer
    )


def _event(world):
    return {"pk": world.event.pk}


def _talk(world):
    return {"pk": world.talk.pk}


ENTRIES = {
    "outcomes:employer_list": allow("staff", "other_staff"),  # scoped, not refused
    "outcomes:employer_create": allow("staff", "other_staff"),
    "outcomes:employer_edit": allow("staff", kwargs=lambda w: {"pk": w.employer.pk}),
    # POST-only forms of a page with several: allowed roles get 405 for a GET, the rest are refused before that.
    "outcomes:employer_facility_add": allow("staff", kwargs=lambda w: {"pk": w.employer.pk}, allowed_status=405),
    "outcomes:event_list": allow("staff", "other_staff"),
    "outcomes:event_create": allow("staff", "other_staff"),
    "outcomes:event_detail": allow("staff", kwargs=_event),
    "outcomes:event_edit": allow("staff", kwargs=_event),
    "outcomes:event_invite_employers": allow("staff", kwargs=_event),
    "outcomes:wishes": allow("staff", "participant", kwargs=lambda w: {"pk": w.invitation.pk}),
    "outcomes:employer_marks": allow("staff", kwargs=lambda w: {"pk": w.employer_invitation.pk}),
    "outcomes:event_schedule": allow("staff", kwargs=_event),
    "outcomes:talk_move": allow("staff", kwargs=_talk),
    "outcomes:event_record": allow("staff", kwargs=_event),
    "outcomes:event_zip": allow("staff", kwargs=_event),
    "outcomes:event_pdf_participants": allow("staff", kwargs=_event),
    "outcomes:event_pdf_employers": allow("staff", kwargs=_event),
    "outcomes:event_pdf_plan": allow("staff", kwargs=_event),
    "outcomes:participant_outcomes": allow("staff", kwargs=lambda w: {"pk": w.participant.pk}),
    "outcomes:goal_add": allow("staff", kwargs=lambda w: {"pk": w.participant.pk}, allowed_status=405),
    "outcomes:goal_status": allow("staff", kwargs=lambda w: {"pk": w.participant.pk}, allowed_status=405),
    "outcomes:intake_edit": allow("staff", "participant", kwargs=lambda w: {"pk": w.participant.pk}),
    "outcomes:cohort_outcomes": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}),
    "outcomes:cohort_outcomes_export": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk, "file_format": "csv"}),
    "outcomes:own_events": allow("participant", "other_participant"),  # each sees only their own
}

# POST only; each is tested for the allowed and the refused roles in tests/outcomes/.
NOT_WALKED = {
    "outcomes:employer_import",
    "outcomes:event_invite",
    "outcomes:event_invite_holders",
    "outcomes:event_invite_everyone",
    "outcomes:participant_answer",
    "outcomes:employer_answer",
    "outcomes:event_schedule_run",
    "outcomes:talk_record",
    "outcomes:talk_confirm",
    "outcomes:follow_up_answer",
}
