from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.forms import DateField
from courses.models import default_entry_date

from .reading import MAX_UPLOAD_BYTES

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
        help_text=gettext_lazy(
            "CSV, XLSX or ODS, at most 5 MB. The first row names the columns, in German or English."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.txt,.tsv,.xlsx,.ods,text/csv,application/vnd.ms-excel"}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB. Please split it into smaller files.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
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
