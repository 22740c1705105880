import django_filters
from django.utils.translation import gettext_lazy as _

from core.widgets import LongSelect

from .models import Placement, PlacementStatus


class PlacementFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PlacementStatus.choices)
    # Plain (pk, label) choices, not querysets of instances: see courses.selectors.cohort_choices_visible_to.
    cohort = django_filters.ChoiceFilter(
        label=_("Cohort"), field_name="enrolment__cohort", choices=(), widget=LongSelect
    )
    facility = django_filters.ChoiceFilter(label=_("Facility"), choices=(), widget=LongSelect)

    class Meta:
        model = Placement
        fields = ["status", "cohort", "facility"]

    def __init__(self, *args, cohort_choices, facility_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["cohort"].extra["choices"] = cohort_choices
        self.filters["facility"].extra["choices"] = facility_choices
