import pytest

from .history import full_history


@pytest.fixture
def history(enrolment, participant_user, staff, supervisor):
    """The fixture participant (with a log-in) and everything a finished course leaves behind."""
    return full_history(enrolment, staff=staff, supervisor=supervisor)
