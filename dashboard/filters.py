import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import LongSelect
from courses.models import CohortStatus

from .selectors import GROUPINGS

GROUPING_LABELS = {"year": _("year"), "site": _("site"), "measure": _("measure"), "cohort": _("cohort")}


class FiguresFilter(django_filters.FilterSet):
    """Filters of the dashboard; the lists hold only what the user's own cohorts contain."""

    year = django_filters.ChoiceFilter(label=_("Year the cohort started"), method="filter_year")
    site = django_filters.ChoiceFilter(label=_("Site"), field_name="cohort__site_id")
    # A measure number per cohort is common (the scale data has 4,000): the long list is written cheaply.
    measure = django_filters.ChoiceFilter(label=_("Measure"), method="filter_measure", widget=LongSelect)
    funder = django_filters.ChoiceFilter(label=_("Funding body"), field_name="cohort__funding_body_id")
    status = django_filters.ChoiceFilter(label=_("Status"), field_name="cohort__status", choices=CohortStatus.choices)
    by = django_filters.ChoiceFilter(
        label=_("Figures per"),
        method="filter_nothing",
        choices=[(g, GROUPING_LABELS[g]) for g in GROUPINGS],
        empty_label=None,
        widget=forms.Select,
    )

    def __init__(self, data=None, *args, choices=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name, options in (choices or {}).items():
            self.filters[name].extra["choices"] = options

    def filter_year(self, queryset, name, value):
        return queryset.filter(cohort__start_date__year=int(value))

    def filter_measure(self, queryset, name, value):
        programme_id, _, number = value.partition(":")
        return queryset.filter(cohort__programme_id=int(programme_id), cohort__measure_number=number)

    def filter_nothing(self, queryset, name, value):
        return queryset  # chooses the table's grouping, not the rows
