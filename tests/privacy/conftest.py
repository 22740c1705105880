import pytest

from .history import full_history, outcomes_history


@pytest.fixture
def history(enrolment, participant_user, staff, supervisor):
    """The fixture participant (with a log-in) and everything a finished course leaves behind."""
    return full_history(enrolment, staff=staff, supervisor=supervisor)


@pytest.fixture
def outcomes(history, enrolment, staff):
    """The history's speed-dating and Verbleib part (returns the 6-month follow-up answer)."""
    return outcomes_history(enrolment, staff=staff)
