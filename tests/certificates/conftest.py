import pytest

from .factories import make_eligible


@pytest.fixture
def eligible(enrolment, supervisor):
    """The conftest's enrolment with full attendance, all placement hours confirmed, checks complete."""
    return make_eligible(enrolment, supervisor=supervisor)


@pytest.fixture
def signing_key_dir(_test_signing_key):
    return _test_signing_key


@pytest.fixture
def signing_keys(signing_key_dir, settings):
    """The suite's test key (tests/conftest.py), with the per-process caches emptied before and after."""
    from certificates.signing import reset_signers
    from certificates.signing_keys import reset_keys

    settings.CERTIFICATE_SIGNING_KEY_DIR = signing_key_dir
    settings.CERTIFICATE_SIGNING_KEYS = {}
    settings.CERTIFICATE_TIMESTAMP_URL = ""
    reset_keys()
    reset_signers()
    yield signing_key_dir
    reset_keys()
    reset_signers()
