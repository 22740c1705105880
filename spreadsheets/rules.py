"""Who may import and export. Everything is scoped to the organisation that owns the cohort or record."""

import rules

from courses.rules import is_programme_staff, is_staff_of_object_organisation

rules.add_perm("spreadsheets.import_cohort", is_staff_of_object_organisation)
rules.add_perm("spreadsheets.export_cohort", is_staff_of_object_organisation)
rules.add_perm("spreadsheets.view_importrecord_list", is_programme_staff)
rules.add_perm("spreadsheets.view_importrecord", is_staff_of_object_organisation)
rules.add_perm("spreadsheets.change_importrecord", is_staff_of_object_organisation)
rules.add_perm("spreadsheets.download_template", is_programme_staff)
