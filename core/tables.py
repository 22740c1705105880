import django_tables2 as tables
from django.template import Context
from django.template.loader import get_template


class CellTemplateColumn(tables.TemplateColumn):
    """A TemplateColumn that renders its cell template with a small context.

    django-tables2's own column flattens the whole page context and runs every context processor once per
    cell, about a millisecond each: 200 rows × 3 columns made the cohort pages slow (docs/benchmarks.md).
    Cell templates here see only ``record``, ``value``, ``table``, ``request``, ``user`` and the column's
    ``extra_context``; they must not need ``csrf_token`` or ``perms`` (use the rules tag ``has_perm``).
    """

    def render(self, record, table, value, bound_column, **kwargs):
        request = getattr(table, "request", None)
        context = {
            "record": record,
            "value": value,
            "table": table,
            "request": request,
            "user": getattr(request, "user", None),
            "default": bound_column.default,
            "column": bound_column,
            "row_counter": kwargs.get("bound_row").row_counter if kwargs.get("bound_row") else None,
        }
        context.update(self.extra_context)
        if self.template_code:
            return super().render(record=record, table=table, value=value, bound_column=bound_column, **kwargs)
        return get_template(self.template_name).template.render(Context(context))
