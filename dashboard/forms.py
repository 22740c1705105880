import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import LongSelect

QUARTERS = [(1, _("1st quarter (January–March)")), (2, _("2nd quarter (April–June)")),
            (3, _("3rd quarter (July–September)")), (4, _("4th quarter (October–December)"))]  # fmt: skip
FORMATS = [("pdf", _("PDF (with charts)")), ("xlsx", _("Excel (XLSX)"))]


class QuarterlyReportForm(forms.Form):
    measure = forms.ChoiceField(label=_("Measure"), widget=LongSelect)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTERS, coerce=int)
    file_format = forms.ChoiceField(label=_("File"), choices=FORMATS, widget=forms.RadioSelect, initial="pdf")

    def __init__(self, *args, measures, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = measures
        self.fields["year"].choices = [(y, str(y)) for y in range(today.year, today.year - 6, -1)]
        # The last quarter that has ended is the one usually reported.
        last = (today.month - 1) // 3 or 4
        self.initial.setdefault("quarter", last)
        self.initial.setdefault("year", today.year if last != 4 else today.year - 1)
