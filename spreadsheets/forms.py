from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheet_reader import SpreadsheetRefused, UploadLimits, check_size, size_text
from courses.forms import DateField
from courses.models import default_entry_date

ROW_STATUS_CHOICES = [
    ("", gettext_lazy("all rows")),
    ("error", gettext_lazy("with errors")),
    ("new", gettext_lazy("new")),
    ("updated", gettext_lazy("updated")),
    ("unchanged", gettext_lazy("unchanged")),
]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet file"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.txt,.tsv,.xlsx,.ods,text/csv,application/vnd.ms-excel"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limits = UploadLimits.from_settings()
        self.fields["file"].help_text = _(
            "CSV, XLSX or ODS, at most %(size)s and %(rows)s rows. The first row names the columns, in German "
            "or English."
        ) % {"size": size_text(limits.max_bytes), "rows": f"{limits.max_rows:,}".replace(",", ".")}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size, UploadLimits.from_settings())  # before a byte of it is read
        except SpreadsheetRefused as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class ConfirmForm(forms.Form):
    valid_rows_only = forms.BooleanField(
        label=gettext_lazy("Import only the valid rows and skip the rows with errors"), required=False
    )
    enrolled_on = DateField(
        label=gettext_lazy("Entry date of the new places"),
        required=False,
        help_text=gettext_lazy("From this day on the registers count them; it can be changed later with a reason."),
    )

    def __init__(self, *args, cohort=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cohort is not None:
            self.fields["enrolled_on"].initial = default_entry_date(cohort)


class RowFilterForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Show"), choices=ROW_STATUS_CHOICES, required=False)
