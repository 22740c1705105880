"""core.bulk.insert_rows writes what bulk_create would, on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.bulk import insert_rows
from courses.models import Participant
from tests.factories import OrganisationFactory

# Every NOT NULL column: Django keeps field defaults in Python, so a plain INSERT must name them all.
NAMES = ["organisation", "given_name", "family_name", "date_of_birth", "name_key", "created_at", "email", "phone"]
NAMES += ["address", "german_level", "jobcenter_customer_number"]
BLANK = ("", "", "", "", "")


def _rows(organisation, people):
    now = timezone.now()
    return [
        (organisation.pk, given, family, born, f"{family.lower()} {given.lower()}", now, *BLANK)
        for given, family, born in people
    ]


@pytest.mark.django_db
def test_rows_are_written_with_unicode_names_and_dates():
    organisation = OrganisationFactory()
    people = [
        ("Savaş", "Yılmaz", datetime.date(1988, 4, 1)),
        ("Nguyễn Thị", "Lan", datetime.date(1990, 5, 17)),
        ("Łukasz", "Wróbel", datetime.date(1979, 12, 31)),
    ]

    written = insert_rows(Participant, NAMES, _rows(organisation, people), chunk_size=2)

    assert written == 3
    stored = sorted(Participant.objects.values_list("given_name", "family_name", "date_of_birth", "email"))
    assert stored == sorted((g, f, b, "") for g, f, b in people)


@pytest.mark.django_db
def test_returning_gives_the_new_keys_as_python_values():
    organisation = OrganisationFactory()
    people = [("Olena", f"Kovalenko{i}", datetime.date(1990, 1, 1) + datetime.timedelta(days=i)) for i in range(250)]

    returned = insert_rows(Participant, NAMES, _rows(organisation, people), returning=("id", "date_of_birth"))

    assert len(returned) == 250
    by_pk = dict(Participant.objects.values_list("pk", "date_of_birth"))
    assert dict(returned) == by_pk
    assert all(isinstance(born, datetime.date) for _pk, born in returned)


@pytest.mark.django_db
def test_constraints_still_apply_and_nothing_is_half_written():
    organisation = OrganisationFactory()
    now = timezone.now()
    row = (organisation.pk, "Amal", "Khalil", datetime.date(1985, 2, 2), "khalil amal", now, "", "", "", "", "362D1")

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Participant, NAMES, [row, row])

    assert not Participant.objects.exists()
