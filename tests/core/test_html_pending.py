"""core.html.pending writes the supervisor's pending entries and the overview list exactly as their template
twins below do (the date filters, {% url %}, escaping of the typed activity and of the names)."""

import datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from placements.pending_page import entry_groups, overview_rows

ENTRY_TWIN = Template(
    "{% load i18n ui %}{% for e in entries %}"
    '<li class="border-top py-2 d-flex flex-wrap align-items-center gap-2"><div class="form-check flex-grow-1 m-0">'
    '<input class="form-check-input check-large" type="checkbox" name="entry" value="{{ e.pk }}"'
    ' id="entry-{{ e.pk }}"{% if e.pk in selected %} checked{% endif %}>'
    '<label class="form-check-label ms-2" for="entry-{{ e.pk }}"><strong>{{ e.date|date:"D" }}'
    ' {{ e.date|short_date }}</strong>, {{ e.start_time|short_time }}–{{ e.end_time|short_time }}'
    ' ({% translate "break" %} {{ e.break_minutes }} min) · <strong>{{ e.work_minutes|hours }} h</strong>'
    '{% if e.activity %}<span class="d-block small text-muted">{{ e.activity }}</span>{% endif %}</label></div>'
    '<div class="d-flex gap-2"><button class="btn btn-success btn-touch" type="submit"'
    ' formaction="{% url "placements:hour_entry_confirm" e.pk %}{{ back }}">{% translate "Confirm" %}'
    '<span class="visually-hidden"> {{ e.date|short_date }}</span></button>'
    '<button class="btn btn-outline-danger btn-touch" type="submit" form="reject-{{ e.pk }}">'
    '{% translate "Reject" %}<span class="visually-hidden"> {{ e.date|short_date }}</span></button></div></li>'
    "{% endfor %}"
)
FORM_TWIN = Template(
    "{% for e in entries %}"
    '<form id="reject-{{ e.pk }}" method="get" action="{% url "placements:hour_entry_reject" e.pk %}" hidden>'
    '{% if page %}<input type="hidden" name="page" value="{{ page }}">{% endif %}</form>{% endfor %}'
)
OVERVIEW_TWIN = Template(
    "{% load ui %}{% for p in placements %}"
    '<div class="mb-3"><a href="{% url "placements:placement_detail" p.pk %}" class="fw-semibold">'
    "{{ p.enrolment.participant.full_name }}</a>"
    ' <span class="small text-muted">{{ p.facility.name }} · {{ p.start_date|short_date }} –'
    " {{ p.end_date|short_date }}</span>{{ p.bar }}</div>{% endfor %}"
)


def placement(pk, name, facility):
    return SimpleNamespace(
        pk=pk,
        enrolment=SimpleNamespace(participant=SimpleNamespace(full_name=name)),
        facility=SimpleNamespace(name=facility),
        start_date=datetime.date(2026, 9, 1),
        end_date=datetime.date(2026, 10, 30),
        confirmed_minutes=1500,
        pending_minutes=270,
        planned_minutes=5400,
    )


def entry(pk, place, day, activity):
    return SimpleNamespace(
        pk=pk,
        placement_id=place.pk,
        placement=place,
        date=datetime.date(2026, 9, day),
        start_time=datetime.time(8, 0),
        end_time=datetime.time(12, 30),
        break_minutes=15,
        work_minutes=255,
        activity=activity,
    )


PLACE = placement(3, "Thị Lan Nguyễn", "Kita <Sonnenschein> & Co")
ENTRIES = [entry(11, PLACE, 7, "Morgenkreis <script>alert(1)</script>"), entry(12, PLACE, 8, "")]


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("back", ["", "?page=3"])
def test_entries_are_their_template_twins(language, back):
    with translation.override(language):
        (group,) = entry_groups([PLACE.pk], ENTRIES, selected={12}, back=back)
        context = Context({"entries": ENTRIES, "selected": {12}, "back": back, "page": back.removeprefix("?page=")})
        assert (group["name"], group["facility"]) == ("Thị Lan Nguyễn", "Kita <Sonnenschein> & Co")
        assert group["rows"] == ENTRY_TWIN.render(context)
        assert group["forms"] == FORM_TWIN.render(context)
        assert "&lt;script&gt;" in group["rows"]


def test_the_overview_is_its_template_twin():
    from placements.progress import progress_bar

    ours = overview_rows([PLACE])
    PLACE.bar = mark_safe(progress_bar(PLACE.confirmed_minutes, PLACE.pending_minutes, PLACE.planned_minutes))
    assert ours == OVERVIEW_TWIN.render(Context({"placements": [PLACE]}))
    assert "Kita &lt;Sonnenschein&gt; &amp; Co" in ours
