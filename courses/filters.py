import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Cohort, CohortStatus


class CohortFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(label=_("Programme"), queryset=None)
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=None)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CohortStatus.choices)
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year")

    class Meta:
        model = Cohort
        fields = ["programme", "site", "status", "year"]

    def __init__(self, *args, programmes, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["programme"].queryset = programmes
        self.filters["site"].queryset = sites

    def filter_year(self, queryset, name, value):
        # A cohort belongs to every year it runs in (a run from November to March counts for both).
        return queryset.filter(start_date__year__lte=value, end_date__year__gte=value)
