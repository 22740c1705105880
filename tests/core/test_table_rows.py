"""core/table.html writes the same body rows as django-tables2's own Bootstrap 5 template."""

import re

import django_tables2 as tables
from django.template import Context, Template
from django.test import RequestFactory
from django.utils.html import format_html


class PeopleTable(tables.Table):
    name = tables.Column(attrs={"td": {"class": "text-nowrap", "data-name": lambda record: record["name"]}})
    hours = tables.Column(localize=True)
    note = tables.Column()

    class Meta:
        row_attrs = {"data-id": lambda record: record["id"]}

    def render_note(self, value):
        return format_html("<em>{}</em>", value)


ROWS = [
    {"id": 1, "name": "Savaş Yılmaz", "hours": 12.5, "note": "<script>alert(1)</script>"},
    {"id": 2, "name": "Nguyễn Thị Lan", "hours": 3, "note": "A & B"},
]


def render(table, template_name):
    table.template_name = template_name
    request = RequestFactory().get("/")
    tables.RequestConfig(request, paginate=False).configure(table)
    html = Template("{% load django_tables2 %}{% render_table table %}").render(
        Context({"table": table, "request": request})
    )
    return re.sub(r"\s+", " ", html.split("<tbody")[1].split("</tbody>")[0]).replace("> <", "><").strip()


def test_rows_are_the_same_as_django_tables2_writes_them(settings):
    settings.LANGUAGE_CODE = "de"
    ours = render(PeopleTable(ROWS), "core/table.html")
    theirs = render(PeopleTable(ROWS), "django_tables2/bootstrap5-responsive.html")
    assert ours == theirs
    assert "&lt;script&gt;" in ours and "<em>A &amp; B</em>" in ours
    assert 'data-name="Savaş Yılmaz"' in ours and 'data-id="2"' in ours


def test_an_empty_table_shows_its_empty_text():
    table = PeopleTable([], empty_text="Nobody is enrolled yet.")
    assert "Nobody is enrolled yet." in render(table, "core/table.html")


class FixedTable(tables.Table):
    """Attributes without callables: written once per column by the tag, per cell by django-tables2."""

    name = tables.Column(attrs={"td": {"class": "text-nowrap"}})
    hours = tables.Column(localize=False, attrs={"cell": {"data-unit": "h"}})

    class Meta:
        attrs = {"td": {"data-kind": "cell"}}
        row_attrs = {"data-list": "people"}


def test_fixed_attributes_are_the_same_as_django_tables2_writes_them():
    ours = render(FixedTable(ROWS * 2), "core/table.html")
    theirs = render(FixedTable(ROWS * 2), "django_tables2/bootstrap5-responsive.html")
    assert ours == theirs
    assert ours.count('class="odd"') == 2 and ours.count('class="even"') == 2
