import pytest
from django.test import Client
from django.utils import translation

from accounts.models import Role

from .factories import (
    CohortFactory,
    EnrolmentFactory,
    FacilityFactory,
    ModuleFactory,
    OrganisationFactory,
    ParticipantFactory,
    UserFactory,
    staff_user,
)


def pytest_configure(config):
    """Settings for the whole run. Tests hash passwords with a fast hasher: the production hasher is slow on
    purpose (about half a second per password on this machine kind), and the suite creates well over a
    thousand logins. Hashes made with the production hasher (the demo fixture's) still verify."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    # WhiteNoise's middleware walks every static file of every app when it is built, and Django builds the
    # middleware anew for each test client (docs/development.md, "Where the time goes"). Looking a file up
    # when it is asked for (as under DEBUG) serves the same files.
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True)
def _english_messages():
    """Tests read messages in English unless they switch language themselves."""
    with translation.override("en"):
        yield


@pytest.fixture
def client():
    """A browser that asks for English, so tests can read the messages; German stays the site default."""
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def german_client():
    return Client(headers={"accept-language": "de"})


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="AWO Unterbezirk Münsterland-Recklinghausen")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Caritas Borken")


@pytest.fixture
def cohort(organisation):
    cohort = CohortFactory(programme__organisation=organisation)
    ModuleFactory(programme=cohort.programme, position=1, title="Bildungsgrundsätze", planned_units=40)
    ModuleFactory(programme=cohort.programme, position=2, title="Kinderrechte", planned_units=20)
    return cohort


@pytest.fixture
def other_cohort(other_organisation):
    return CohortFactory(programme__organisation=other_organisation)


@pytest.fixture
def staff(organisation):
    return staff_user(organisation, username="staff")


@pytest.fixture
def other_staff(other_organisation):
    return staff_user(other_organisation, username="other-staff")


@pytest.fixture
def partner(cohort):
    """A log-in of the Jobcenter that funds ``cohort`` (read-only partner role)."""
    user = UserFactory(username="partner", role=Role.PARTNER)
    cohort.funding_body.members.add(user)
    return user


@pytest.fixture
def facility(organisation):
    return FacilityFactory(organisation=organisation)


@pytest.fixture
def supervisor(facility):
    user = UserFactory(username="supervisor", role=Role.SUPERVISOR)
    facility.supervisors.add(user)
    return user


@pytest.fixture
def enrolment(cohort):
    return EnrolmentFactory(cohort=cohort)


@pytest.fixture
def participant_user(enrolment):
    user = UserFactory(username="participant", role=Role.PARTICIPANT)
    enrolment.participant.user = user
    enrolment.participant.save()
    return user


@pytest.fixture
def other_participant_user(cohort):
    other = EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))
    user = UserFactory(username="other-participant", role=Role.PARTICIPANT)
    other.participant.user = user
    other.participant.save()
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background tasks run at once in tests (the database worker is tested in tests/notifications)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session", autouse=True)
def _test_signing_key(tmp_path_factory):
    """Every test signs with one throw-away key (self-signed demo CA), never with a developer's var/signing."""
    from django.test import override_settings

    from certificates.signing import reset_signers
    from certificates.signing_keys import make_demo_keys, reset_keys

    directory = tmp_path_factory.mktemp("signing")
    make_demo_keys(directory, "default", "Bildungsträger Test gGmbH")
    override = override_settings(
        CERTIFICATE_SIGNING_KEY_DIR=directory, CERTIFICATE_SIGNING_KEYS={}, CERTIFICATE_TIMESTAMP_URL=""
    )
    override.enable()
    reset_keys()
    reset_signers()
    yield directory
    override.disable()
    reset_keys()
    reset_signers()
