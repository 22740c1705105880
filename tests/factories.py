"""Factories for every app's tests. Later apps add theirs here or in tests/<app>/factories.py."""

import datetime

import factory
from django.contrib.auth import get_user_model

from accounts.models import Role
from courses.models import (
    Cohort,
    CohortStatus,
    Enrolment,
    Module,
    Organisation,
    Participant,
    PartnerOrganisation,
    Programme,
    Site,
)
from placements.models import Facility


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    password = factory.django.Password("pass-word-123")
    role = ""


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Träger {n}")


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Standort {n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Integrationsbegleiter:in in Kitas {n}")
    min_attendance_percent = 80
    required_placement_hours = 90


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    programme = factory.SubFactory(ProgrammeFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Modul {n}")
    planned_units = 40


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation
        django_get_or_create = ("name",)

    name = "Kreisjobcenter Coesfeld"


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = factory.SubFactory(ProgrammeFactory)
    site = factory.LazyAttribute(lambda o: SiteFactory(organisation=o.programme.organisation))
    number = factory.Sequence(lambda n: f"2026-{n}")
    start_date = datetime.date(2026, 2, 2)
    end_date = datetime.date(2026, 6, 26)
    capacity = 15
    status = CohortStatus.RUNNING
    funding_body = factory.SubFactory(PartnerOrganisationFactory)
    measure_number = "962/0001/26"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    organisation = factory.SubFactory(OrganisationFactory)
    given_name = factory.Sequence(lambda n: f"Savaş{n}")
    family_name = "Yılmaz"
    date_of_birth = datetime.date(1990, 5, 17)
    german_level = "B1"


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    participant = factory.LazyAttribute(lambda o: ParticipantFactory(organisation=o.cohort.site.organisation))
    enrolled_on = datetime.date(2026, 1, 20)


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Kita Sonnenschein {n}")
    facility_type = "kita"


def staff_user(organisation, **kwargs):
    user = UserFactory(role=Role.STAFF, **kwargs)
    organisation.staff_members.add(user)
    return user
