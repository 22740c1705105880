"""placements.conf.on_or_after_add_months, the database's form of ``a >= add_months(r, k)``, answers as the
Python rule does, also where add_months clamps to a shorter month (31.05. − 3 → 28./29.02.), on both
databases."""

import datetime
import random

import pytest
from django.db.models import BooleanField, DateField, ExpressionWrapper, Value

from courses.models import Programme
from placements.conf import add_months, on_or_after_add_months
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def _pairs():
    rng = random.Random(2022)
    days = [datetime.date(2023, 1, 1) + datetime.timedelta(days=i) for i in range(1200)]  # 2024 is a leap year
    ends = [d for d in days if (d + datetime.timedelta(days=1)).day == 1]  # every month's last day
    # About a third of the references are a month's last day, where add_months clamps (every calendar month
    # among them); building the expressions is what costs here, so the sample stays this small.
    for _ in range(150):
        reference, months = rng.choice(days + ends * 15), rng.choice([-24, -12, -3, -1, 0, 1, 3])
        target = add_months(reference, months)
        for day in (target, target - datetime.timedelta(days=1), target + datetime.timedelta(days=1), rng.choice(days)):
            yield day, reference, months


def test_the_database_shifts_months_as_add_months_does():
    ProgrammeFactory()
    pairs = list(_pairs())
    wrong = []
    for start in range(0, len(pairs), 100):
        chunk = pairs[start : start + 100]
        columns = {
            f"x{number}": ExpressionWrapper(
                on_or_after_add_months(Value(day, DateField()), Value(reference, DateField()), months), BooleanField()
            )
            for number, (day, reference, months) in enumerate(chunk)
        }
        answers = Programme.objects.annotate(**columns).values_list(*columns)[0]
        wrong += [
            pair
            for pair, answer in zip(chunk, answers, strict=True)
            if bool(answer) != (pair[0] >= add_months(*pair[1:]))
        ]
    assert wrong == []
