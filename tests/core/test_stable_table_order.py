"""Paged tables over querysets end every sort with the primary key (core.tables.StableOrderData), so rows that
tie on the sorted column (dozens of cohorts start on the same Monday) are cut into pages in one fixed order:
every row on exactly one page, on SQLite and on PostgreSQL, whose order of ties may differ per LIMIT/OFFSET."""

import pytest
from django.urls import reverse

from core.tables import with_tie_break
from courses.models import Cohort
from courses.tables import CohortTable

from ..factories import CohortFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sixty_on_one_monday(organisation):
    programme = ProgrammeFactory(organisation=organisation)
    return [CohortFactory(programme=programme, number=f"2026-{n:02d}") for n in range(60)]


def test_every_sort_ends_with_the_key(rf):
    for sort in (None, "start_date", "-start_date", "number"):
        table = CohortTable(Cohort.objects.all(), order_by=sort)
        assert table.data.data.query.order_by[-1] == "pk", sort


def test_an_ordering_with_the_key_already_is_left_alone():
    queryset = Cohort.objects.order_by("-start_date", "id")
    assert with_tie_break(queryset).query.order_by == ("-start_date", "id")
    assert with_tie_break(Cohort.objects.all()).query.order_by[-1] == "pk"  # Meta.ordering, then the key


def test_each_cohort_stands_on_exactly_one_page(client, staff, sixty_on_one_monday):
    client.force_login(staff)
    shown = []
    for page in (1, 2, 3):
        response = client.get(reverse("courses:cohort_list"), {"page": page})
        shown += [row.record.pk for row in response.context["table"].page.object_list]
    assert sorted(shown) == sorted(c.pk for c in sixty_on_one_monday)
