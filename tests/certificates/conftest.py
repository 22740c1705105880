import pytest

from .factories import make_eligible


@pytest.fixture
def eligible(enrolment, supervisor):
    """The conftest's enrolment with full attendance, all placement hours confirmed, checks complete."""
    return make_eligible(enrolment, supervisor=supervisor)


@pytest.fixture(scope="session")
def signing_key_dir(tmp_path_factory):
    """A self-signed demo CA and one signing key ("default", used for every organisation), made once."""
    from certificates.signing_keys import make_demo_keys

    directory = tmp_path_factory.mktemp("signing")
    make_demo_keys(directory, "default", "Bildungsträger Test gGmbH")
    return directory


@pytest.fixture
def signing_keys(signing_key_dir, settings):
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
