from . import allow


def extend_world(world):
    """An anonymised participant in the world's cohort, with a full history (attendance, placement, hours,
    certificate), so every page the walk opens for the cohort, its lists and reports also meets a person
    whose data were erased."""
    from privacy.services import participant_erase
    from tests.factories import EnrolmentFactory, ParticipantFactory
    from tests.privacy.history import full_history

    enrolment = EnrolmentFactory(
        cohort=world.cohort, participant=ParticipantFactory(organisation=world.cohort.site.organisation)
    )
    world.anonymised_certificate = full_history(enrolment, staff=world.users["staff"], sessions=3, hour_days=2)
    participant_erase(participant=enrolment.participant, reason="URL walk", by=world.users["staff"])
    world.anonymised_enrolment = enrolment
    world.anonymised_participant = enrolment.participant


def _participant(world):
    return {"pk": world.participant.pk}


ENTRIES = {
    "privacy:my_data": allow("participant", "other_participant"),
    # POST-only (the export is prepared in the background): allowed roles get 405 for a GET.
    "privacy:my_export": allow("participant", "other_participant", allowed_status=405),
    "privacy:participant_export": allow("staff", "participant", kwargs=_participant, allowed_status=405),
    "privacy:participant_erase": allow("staff", kwargs=_participant),
}
