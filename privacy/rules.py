"""Who may use the rights of the data subject. Staff act for their own organisation's participants only;
the participant for themself; supervisors never."""

import rules

from courses.rules import is_participant, is_staff_of_object_organisation, is_the_participant

rules.add_perm("privacy.view_own_data", is_participant)
rules.add_perm("privacy.export_participant", is_staff_of_object_organisation | is_the_participant)  # obj: participant
rules.add_perm("privacy.erase_participant", is_staff_of_object_organisation)  # obj: participant
