"""Import/export buttons in the Django admin for participants and facilities, powered by the same resources
as the staff pages. The other apps' admin classes are subclassed as registered at import time (their
engineers keep extending them), never edited here."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, ODS, XLSX
from import_export.forms import ConfirmImportForm, ImportForm

from core.spreadsheet_reader import SpreadsheetRefused, UploadLimits, check_size, read_rows
from core.spreadsheet_safety import neutralised
from courses.models import Cohort, Organisation, Participant
from placements.models import Facility

from .models import ImportRecord
from .resources import FacilityResource, ParticipantResource


class _TargetFields(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), label=_("organisation"))
    cohort = forms.ModelChoiceField(
        queryset=Cohort.objects.select_related("programme", "site"),
        label=_("cohort"),
        required=False,
        help_text=_("Optional: also give every person a place in this cohort (with the same rules)."),
    )


class BoundedImportForm(ImportForm):
    """The admin's import reads the file with django-import-export's own readers, which hold a whole sheet in
    memory. So the upload first passes the project's bounded reader (size, ZIP directory, rows, columns, cell
    length: core.spreadsheet_reader), exactly as the staff import does; only a file within every limit is
    handed on."""

    def clean_import_file(self):
        upload = self.cleaned_data.get("import_file")
        if upload is None:
            return upload
        limits = UploadLimits.from_settings()
        try:
            check_size(upload.size, limits)  # before a byte of it is read
            read_rows(upload.read(), limits=limits)
        except SpreadsheetRefused as error:
            raise forms.ValidationError(str(error.message)) from error
        finally:
            upload.seek(0)
        return upload


class ParticipantImportForm(BoundedImportForm):
    organisation = _TargetFields.base_fields["organisation"]
    cohort = _TargetFields.base_fields["cohort"]

    def clean(self):
        data = super().clean()
        cohort, organisation = data.get("cohort"), data.get("organisation")
        if cohort and organisation and cohort.site.organisation_id != organisation.pk:
            self.add_error("cohort", _("The cohort must belong to the organisation."))
        return data


class ParticipantConfirmImportForm(ConfirmImportForm):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), widget=forms.HiddenInput)
    cohort = forms.ModelChoiceField(queryset=Cohort.objects.all(), widget=forms.HiddenInput, required=False)


def _registered(model):
    return admin.site._registry[model].__class__


ParticipantAdminBase = _registered(Participant)
FacilityAdminBase = _registered(Facility)


class SafeImportExportAdmin(ImportExportModelAdmin):
    """Spreadsheet formats only, and every export through the project's formula neutraliser.
    django-import-export's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT (4.4) strips a leading "=" only,
    leaves "+", "-", "@" live and turns every number and date into text, so it stays off."""

    formats = [CSV, XLSX, ODS]
    import_form_class = BoundedImportForm

    def get_data_for_export(self, request, queryset, **kwargs):
        return neutralised(super().get_data_for_export(request, queryset, **kwargs))


class ParticipantImportExportAdmin(SafeImportExportAdmin, ParticipantAdminBase):
    resource_classes = [ParticipantResource]
    import_form_class = ParticipantImportForm
    confirm_form_class = ParticipantConfirmImportForm

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form:
            initial["organisation"] = import_form.cleaned_data["organisation"].pk
            cohort = import_form.cleaned_data.get("cohort")
            initial["cohort"] = cohort.pk if cohort else ""
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        resource_kwargs = {"by": request.user}
        if form is not None and hasattr(form, "cleaned_data"):
            resource_kwargs["organisation"] = form.cleaned_data.get("organisation")
            resource_kwargs["cohort"] = form.cleaned_data.get("cohort")
            resource_kwargs["lock"] = isinstance(form, ParticipantConfirmImportForm)
        return resource_kwargs

    def get_export_resource_kwargs(self, request, **kwargs):
        return {}


class FacilityImportExportAdmin(SafeImportExportAdmin, FacilityAdminBase):
    resource_classes = [FacilityResource]


admin.site.unregister(Participant)
admin.site.register(Participant, ParticipantImportExportAdmin)
admin.site.unregister(Facility)
admin.site.register(Facility, FacilityImportExportAdmin)


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    """View only: the records are the evidence of what was imported, by whom and when."""

    list_display = ("file_name", "cohort", "created_by", "created_at", "status", "rows_new", "rows_error")
    list_filter = ("status", "organisation")
    exclude = ("file_data", "preview")
    readonly_fields = [f.name for f in ImportRecord._meta.fields if f.name not in ("file_data", "preview")]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
