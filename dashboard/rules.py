"""The dashboard asks the courses app's rules ``courses.view_dashboard`` and ``courses.view_cohort_figures``
(the partner role defines them). Until that lands, staff only — the same as ``courses.view_cohort``."""

import rules

from courses.rules import is_programme_staff, is_staff_of_object_organisation

if not rules.perm_exists("courses.view_dashboard"):
    rules.add_perm("courses.view_dashboard", is_programme_staff)
if not rules.perm_exists("courses.view_cohort_figures"):
    rules.add_perm("courses.view_cohort_figures", is_staff_of_object_organisation)
