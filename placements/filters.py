import django_filters
from django.utils.translation import gettext_lazy as _

from core.widgets import LongSelect

from .models import Placement, PlacementStatus


class PlacementFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PlacementStatus.choices)
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="enrolment__cohort", queryset=None, widget=LongSelect
    )
    facility = django_filters.ModelChoiceFilter(label=_("Facility"), queryset=None, widget=LongSelect)

    class Meta:
        model = Placement
        fields = ["status", "cohort", "facility"]

    def __init__(self, *args, cohorts, facilities, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["cohort"].queryset = cohorts
        self.filters["facility"].queryset = facilities
