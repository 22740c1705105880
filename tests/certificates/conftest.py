import pytest

from .factories import make_eligible


@pytest.fixture
def eligible(enrolment, supervisor):
    """The conftest's enrolment with full attendance, all placement hours confirmed, checks complete."""
    return make_eligible(enrolment, supervisor=supervisor)
