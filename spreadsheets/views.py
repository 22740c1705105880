from django.contrib import messages
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView
from django_tables2 import RequestConfig, SingleTableView

from core.exceptions import DomainError
from core.views import DetailPermissionMixin, ObjectPermissionMixin, flash_domain_error
from courses.models import Cohort

from . import selectors, services
from .exports import download
from .forms import ConfirmForm, RowFilterForm, UploadForm
from .models import ImportRecord, ImportStatus
from .reading import PARTICIPANT_COLUMNS
from .resources import AttendanceResource, CertificateRegisterResource, PlacementHoursResource, RosterResource
from .tables import ImportRecordTable, PreviewTable


class ImportUploadView(ObjectPermissionMixin, FormView):
    """Step 1: upload. The file is read and previewed; nothing about participants is written."""

    permission_required = "spreadsheets.import_cohort"
    permission_model = Cohort
    form_class = UploadForm
    template_name = "spreadsheets/import_upload.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.get_permission_object(), columns=PARTICIPANT_COLUMNS, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        record = services.import_upload(
            cohort=self.get_permission_object(), by=self.request.user, file_name=upload.name, data=upload.read()
        )
        if record.status == ImportStatus.REJECTED:
            form.add_error("file", record.message)
            return self.form_invalid(form)
        return redirect("spreadsheets:import_detail", pk=record.pk)


class ImportDetailView(DetailPermissionMixin, DetailView):
    """Step 2: the preview of every row with the confirm button; after the import, its record."""

    permission_required = "spreadsheets.view_importrecord"
    template_name = "spreadsheets/import_detail.html"
    context_object_name = "record"

    def get_queryset(self):
        return ImportRecord.objects.select_related(
            "cohort", "cohort__programme", "cohort__site", "created_by", "confirmed_by"
        ).defer("file_data")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filter_form = RowFilterForm(self.request.GET)
        rows = self.object.preview
        if filter_form.is_valid() and filter_form.cleaned_data["status"]:
            rows = [r for r in rows if r["status"] == filter_form.cleaned_data["status"]]
        table = PreviewTable(rows)
        RequestConfig(self.request, paginate={"per_page": 100}).configure(table)
        confirm_form = ConfirmForm(cohort=self.object.cohort)
        if not self.object.rows_error:
            del confirm_form.fields["valid_rows_only"]  # nothing to skip
        context.update(table=table, filter_form=filter_form, confirm_form=confirm_form)
        return context


class ImportDiscardView(ObjectPermissionMixin, View):
    """Step 3 (POST only), the other way: discard the previewed import."""

    permission_required = "spreadsheets.change_importrecord"
    permission_model = ImportRecord
    http_method_names = ["post"]

    def post(self, request, pk):
        record = self.get_permission_object()
        try:
            services.import_discard(record=record, by=request.user)
        except DomainError as error:
            flash_domain_error(request, error)
        else:
            messages.success(request, _("The import was discarded; nothing was saved."))
        return redirect("courses:cohort_detail", pk=record.cohort_id)


class ImportConfirmView(ObjectPermissionMixin, View):
    """Step 3 (POST only): confirm the previewed import."""

    permission_required = "spreadsheets.change_importrecord"
    permission_model = ImportRecord
    http_method_names = ["post"]

    def post(self, request, pk):
        record = self.get_permission_object()
        form = ConfirmForm(request.POST, cohort=record.cohort)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("spreadsheets:import_detail", pk=record.pk)
        try:
            record = services.import_confirm(
                record=record,
                by=request.user,
                valid_rows_only=form.cleaned_data.get("valid_rows_only", False),
                enrolled_on=form.cleaned_data.get("enrolled_on"),
            )
        except DomainError as error:
            flash_domain_error(request, error)
            services.import_refresh(record=record, by=request.user)
            return redirect("spreadsheets:import_detail", pk=record.pk)
        messages.success(
            request,
            _("Import finished: %(new)d new, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped.")
            % {
                "new": record.rows_new,
                "updated": record.rows_updated,
                "unchanged": record.rows_unchanged,
                "skipped": record.rows_skipped,
            },
        )
        return redirect("courses:cohort_detail", pk=record.cohort_id)


class ImportListView(ObjectPermissionMixin, SingleTableView):
    """The import log: every upload with who, when, which file and what it did."""

    permission_required = "spreadsheets.view_importrecord_list"
    table_class = ImportRecordTable
    template_name = "spreadsheets/import_list.html"
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return selectors.import_records_visible_to(self.request.user)


class TemplateDownloadView(ObjectPermissionMixin, View):
    permission_required = "spreadsheets.download_template"

    def get(self, request, file_format):
        import tablib

        dataset = tablib.Dataset(headers=[str(title) for title in PARTICIPANT_COLUMNS.values()])
        return download(dataset, slugify(_("participants template")), file_format)


class CohortExportView(ObjectPermissionMixin, View):
    """A cohort's list as CSV or XLSX; ``kind`` names the list (roster, attendance, hours, certificates)."""

    permission_required = "spreadsheets.export_cohort"
    permission_model = Cohort
    kind = "roster"

    def get(self, request, pk, file_format):
        cohort = self.get_permission_object()
        resource, rows, title = self.source(cohort)
        dataset = resource.export(queryset=rows)
        dataset.title = title
        return download(dataset, slugify(f"{title} {cohort.number}"), file_format)

    def source(self, cohort):
        if self.kind == "attendance":
            return AttendanceResource(), selectors.attendance_to_export(cohort), _("Attendance")
        if self.kind == "hours":
            return PlacementHoursResource(), selectors.placement_rows_to_export(cohort), _("Placement hours")
        if self.kind == "certificates":
            return CertificateRegisterResource(), selectors.certificates_to_export(cohort), _("Certificate register")
        return RosterResource(), selectors.roster_to_export(cohort), _("Roster")
