"""core.models.CreationStamp: one definition of who created a record and when, with the labels and the
deletion rule each record needs."""

import pytest
from django.db import models

from core.models import CreationStamp
from courses import services
from courses.models import Enrolment, TeachingSession
from placements.models import HourEntry, Placement
from spreadsheets.models import ImportRecord
from tests.factories import ParticipantFactory


@pytest.mark.parametrize(
    ("model", "by_label", "at_label", "on_delete"),
    [
        (Enrolment, "created by", "created at", models.PROTECT),
        (TeachingSession, "created by", "created at", models.PROTECT),
        (Placement, "created by", "created at", models.PROTECT),
        (HourEntry, "recorded by", "recorded at", models.PROTECT),
        (ImportRecord, "uploaded by", "uploaded at", models.SET_NULL),
    ],
)
def test_each_record_carries_the_stamp_under_its_labels(model, by_label, at_label, on_delete):
    created_by, created_at = model._meta.get_field("created_by"), model._meta.get_field("created_at")
    assert (str(created_by.verbose_name), str(created_at.verbose_name)) == (by_label, at_label)
    assert created_by.remote_field.on_delete is on_delete and created_by.null and created_at.auto_now_add


def test_the_plain_stamp_is_abstract():
    assert CreationStamp._meta.abstract and issubclass(Enrolment, CreationStamp)


@pytest.mark.django_db
def test_a_service_stamps_the_record(cohort, staff):
    person = ParticipantFactory(organisation=cohort.site.organisation)
    enrolment = services.enrolment_create(cohort=cohort, participant=person, by=staff)
    enrolment.refresh_from_db()
    assert enrolment.created_by == staff and enrolment.created_at is not None
