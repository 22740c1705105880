"""Remembered render-method signatures give django-tables2 the same answers as inspect does."""

from django_tables2 import utils


class Table:
    def render_a(self, record):
        return record

    def render_b(self, value, **kwargs):
        return value


def test_answers_are_the_same_for_bound_and_plain_functions():
    assert getattr(utils.signature, "remembered", False)
    table = Table()
    assert utils.signature(table.render_a) == (("record",), None)
    assert utils.signature(Table.render_a) == (("self", "record"), None)
    assert utils.signature(table.render_b) == (("value",), "kwargs")
    assert utils.signature(Table().render_a) == (("record",), None)  # another object, the same function
    assert utils.call_with_appropriate(table.render_a, {"record": 1, "value": 2, "table": None}) == 1
