import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import ShortDateColumn, StableTable

from .models import Employer, Event


class EmployerTable(StableTable):
    name = tables.LinkColumn("outcomes:employer_edit", args=[tables.A("pk")], verbose_name=_("Name"))
    contact_name = tables.Column(verbose_name=_("Contact person"))
    towns = tables.Column(verbose_name=_("Near"))
    open_positions = tables.Column(verbose_name=_("Open positions"), attrs={"td": {"class": "text-end"}})
    facility_count = tables.Column(verbose_name=_("Facilities"), attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Employer
        fields = ("name", "kind", "contact_name", "towns", "open_positions", "facility_count")
        empty_text = _("No employers yet.")
        attrs = {"class": "table table-sm align-middle"}


class EventTable(StableTable):
    date = ShortDateColumn(verbose_name=_("Date"))
    title = tables.LinkColumn("outcomes:event_detail", args=[tables.A("pk")], verbose_name=_("Title"))
    place = tables.Column(verbose_name=_("Place"))
    participant_count = tables.Column(verbose_name=_("Participants (accepted)"), attrs={"td": {"class": "text-end"}})
    employer_count = tables.Column(verbose_name=_("Employers (accepted)"), attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Event
        fields = ("date", "title", "place", "participant_count", "employer_count")
        empty_text = _("No events yet.")
        attrs = {"class": "table table-sm align-middle"}
