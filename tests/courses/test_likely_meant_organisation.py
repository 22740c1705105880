"""The closeness rule behind the cohort form's "did you mean": which known organisation name a typed name
most likely misspells."""

from courses.partner_names import likely_meant_organisation, organisation_name_key

KNOWN = [
    "Kreisjobcenter Coesfeld",
    "Kommunales Integrationszentrum Kreis Coesfeld",
    "Stadt Dülmen",
    "Caritas",
]


def test_a_wrong_or_missing_letter_points_to_the_known_name():
    assert likely_meant_organisation("Kreisjobcentr Coesfeld", KNOWN) == "Kreisjobcenter Coesfeld"
    assert likely_meant_organisation("Kreisjobcenter Coesfled", KNOWN) == "Kreisjobcenter Coesfeld"


def test_case_spacing_umlaut_and_accent_differences_count_as_close():
    assert organisation_name_key("  Stadt   DÜLMEN ") == organisation_name_key("stadt duelmen") == "stadt duelmen"
    assert likely_meant_organisation("Stadt Duelmen", KNOWN) == "Stadt Dülmen"
    assert likely_meant_organisation("STADT DÜLMEN", KNOWN) == "Stadt Dülmen"
    assert likely_meant_organisation("Stadt Dulmen", KNOWN) == "Stadt Dülmen"
    assert likely_meant_organisation("Cáritas", KNOWN) == "Caritas"


def test_the_known_name_itself_is_not_a_misspelling():
    assert likely_meant_organisation("Kreisjobcenter Coesfeld", KNOWN) is None
    assert likely_meant_organisation(" Kreisjobcenter  Coesfeld ", KNOWN) is None


def test_other_places_and_other_bodies_are_not_close():
    assert likely_meant_organisation("Kreisjobcenter Borken", KNOWN) is None
    assert likely_meant_organisation("Kommunales Integrationszentrum Kreis Borken", KNOWN) is None
    assert likely_meant_organisation("Diakonie", KNOWN) is None
    assert likely_meant_organisation("Kreisjobcentr Coesfeld", []) is None


def test_the_closest_of_several_close_names_wins():
    known = ["Jobcenter Kreis Steinfurt", "Jobcenter Kreis Steinfurth"]
    assert likely_meant_organisation("Jobcenter Kreis Steinfurt.", known) == "Jobcenter Kreis Steinfurt"
