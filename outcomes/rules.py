"""Who may see and change what after the course. Staff of the organisation do everything; staff of another
organisation see nothing of it; participants see only their own invitations, talks and wishes and edit
their own intake profile; supervisors see nothing (employers are contacts, not users)."""

import datetime

import rules

from courses.rules import is_participant, is_programme_staff, is_staff_of_object_organisation, is_the_participant


@rules.predicate
def is_own_invitation(user, invitation) -> bool:
    return invitation is not None and user.is_authenticated and invitation.participant.user_id == user.pk


@rules.predicate
def event_not_over(user, invitation) -> bool:
    return invitation is not None and invitation.event.date >= datetime.date.today()


@rules.predicate
def has_not_declined(user, invitation) -> bool:
    return invitation is not None and invitation.status != "declined"


rules.add_perm("outcomes.view_employer_list", is_programme_staff)
rules.add_perm("outcomes.add_employer", is_programme_staff)
rules.add_perm("outcomes.change_employer", is_staff_of_object_organisation)  # obj: Employer

rules.add_perm("outcomes.view_event_list", is_programme_staff)
rules.add_perm("outcomes.add_event", is_programme_staff)
# obj: Event (or a Talk, which answers for its event's organisation)
rules.add_perm("outcomes.view_event", is_staff_of_object_organisation)
rules.add_perm("outcomes.change_event", is_staff_of_object_organisation)
rules.add_perm("outcomes.schedule_event", is_staff_of_object_organisation)
rules.add_perm("outcomes.record_talk", is_staff_of_object_organisation)

# obj: Participant
rules.add_perm("outcomes.view_participant_outcomes", is_staff_of_object_organisation)
rules.add_perm("outcomes.add_outcome", is_staff_of_object_organisation)
rules.add_perm("outcomes.change_goals", is_staff_of_object_organisation)
rules.add_perm("outcomes.change_intake", is_staff_of_object_organisation | is_the_participant)
# obj: Enrolment (a follow-up belongs to a measure) and Cohort
rules.add_perm("outcomes.answer_follow_up", is_staff_of_object_organisation)
rules.add_perm("outcomes.view_cohort_outcomes", is_staff_of_object_organisation)

# The participant's own pages. obj: EventParticipant (the invitation)
rules.add_perm("outcomes.view_own_events", is_participant)
rules.add_perm("outcomes.view_invitation", is_staff_of_object_organisation | is_own_invitation)
rules.add_perm(
    "outcomes.change_own_wishes",
    (is_own_invitation & event_not_over & has_not_declined) | is_staff_of_object_organisation,
)
