"""Writes of the spreadsheets app: upload and preview, confirm or discard an import.

The participants are written by ``ParticipantResource`` inside ``import_confirm``'s transaction, their places
by courses.services.BulkEnrolment (see resources.py); a refused confirmation rolls everything back, so an
import is written completely or not at all."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export.results import Result

from core.exceptions import DomainError
from courses.enrolment_rules import closed_cohort_refusal, entry_date_refusal
from courses.models import Cohort

from . import conf
from .models import ImportRecord, ImportStatus
from .reading import FileRefused, read_participant_sheet
from .resources import ParticipantResource


def _run(
    *, data: bytes, cohort: Cohort, by, dry_run: bool, enrolled_on: datetime.date | None = None
) -> tuple[Result, list[dict], str]:
    sheet = read_participant_sheet(data)
    resource = ParticipantResource(
        cohort=cohort, by=by, sheet_rows=sheet.sheet_rows, lock=not dry_run, enrolled_on=enrolled_on
    )
    # Confirmed imports run in the caller's transaction (use_transactions=False) so that a refusal rolls back
    # the bulk writes too; a dry run is wrapped and rolled back by import_data itself and writes nothing.
    result = resource.import_data(sheet.dataset, dry_run=dry_run, use_transactions=dry_run, raise_errors=False)
    if result.base_errors:
        raise DomainError(_("The file could not be imported: %(reason)s") % {"reason": result.base_errors[0].error})
    return result, resource.row_outcomes(result), sheet.file_format


def _count(record: ImportRecord, outcomes: list[dict]) -> None:
    record.rows_total = len(outcomes)
    record.rows_new = sum(1 for o in outcomes if o["status"] == "new")
    record.rows_updated = sum(1 for o in outcomes if o["status"] == "updated")
    record.rows_unchanged = sum(1 for o in outcomes if o["status"] == "unchanged")
    record.rows_error = sum(1 for o in outcomes if o["status"] == "error")


@transaction.atomic
def import_upload(*, cohort: Cohort, by, file_name: str, data: bytes) -> ImportRecord:
    """Read and preview an uploaded participant list. Writes only the ImportRecord (with the file, so the
    confirmation can run in another server process); a refused file is recorded with its reason."""
    record = ImportRecord(
        organisation=cohort.site.organisation,
        cohort=cohort,
        created_by=by,
        file_name=(file_name or "")[:255],
    )
    try:
        if closed_cohort_refusal(cohort):
            raise FileRefused(closed_cohort_refusal(cohort))
        result, outcomes, file_format = _run(data=data, cohort=cohort, by=by, dry_run=True)
    except DomainError as error:
        record.status = ImportStatus.REJECTED
        record.message = str(error)
        record.save()
        return record
    record.status = ImportStatus.PREVIEWED
    record.file_format = file_format
    record.file_data = data
    record.preview = outcomes
    _count(record, outcomes)
    record.save()
    return record


@transaction.atomic
def import_refresh(*, record: ImportRecord, by) -> ImportRecord:
    """Compute the preview again, e.g. after a refused confirmation because the cohort changed."""
    record = ImportRecord.objects.select_for_update().select_related("cohort__site").get(pk=record.pk)
    if record.status != ImportStatus.PREVIEWED:
        return record
    _result, outcomes, _format = _run(data=bytes(record.file_data), cohort=record.cohort, by=by, dry_run=True)
    record.preview = outcomes
    _count(record, outcomes)
    record.save(update_fields=["preview", "rows_total", "rows_new", "rows_updated", "rows_unchanged", "rows_error"])
    return record


@transaction.atomic
def import_confirm(
    *, record: ImportRecord, by, valid_rows_only: bool = False, enrolled_on: datetime.date | None = None
) -> ImportRecord:
    """Write a previewed import. With rows in error nothing is written unless ``valid_rows_only``; a row that
    was fine in the preview but is refused now (the cohort filled up meanwhile) refuses the whole import.
    New places start on ``enrolled_on`` (default: courses.models.default_entry_date)."""
    record = ImportRecord.objects.select_for_update().select_related("cohort__site").get(pk=record.pk)
    if record.status != ImportStatus.PREVIEWED:
        raise DomainError(_("This import has already been confirmed or discarded."))
    if record.rows_error and not valid_rows_only:
        raise DomainError(
            _("The file has rows with errors. Correct the file and upload it again, or import only the valid rows.")
        )
    refusal = entry_date_refusal(record.cohort, enrolled_on) if enrolled_on is not None else ""
    if refusal:
        raise DomainError(refusal)
    result, outcomes, _format = _run(
        data=bytes(record.file_data), cohort=record.cohort, by=by, dry_run=False, enrolled_on=enrolled_on
    )
    if result.has_errors():
        raise DomainError(_("The import failed and nothing was saved. Please try again."))
    previewed_errors = {o["row"] for o in record.preview if o["status"] == "error"}
    new_errors = [o for o in outcomes if o["status"] == "error" and o["row"] not in previewed_errors]
    if new_errors:
        raise DomainError(
            _(
                "Something changed since the preview (row %(row)d: %(message)s). Nothing was saved; "
                "please check the new preview."
            )
            % {"row": new_errors[0]["row"], "message": " ".join(new_errors[0]["messages"])}
        )
    _count(record, outcomes)
    record.rows_skipped = record.rows_error
    record.status = ImportStatus.IMPORTED
    record.valid_rows_only = valid_rows_only
    record.confirmed_by = by
    record.confirmed_at = timezone.now()
    # Keep only what staff need to follow up (the refused rows); the file itself is not kept.
    record.preview = [o for o in outcomes if o["status"] == "error"]
    record.file_data = b""
    record.save()
    return record


@transaction.atomic
def import_discard(*, record: ImportRecord, by) -> ImportRecord:
    record = ImportRecord.objects.select_for_update().get(pk=record.pk)
    if record.status != ImportStatus.PREVIEWED:
        raise DomainError(_("This import has already been confirmed or discarded."))
    record.status = ImportStatus.DISCARDED
    record.file_data = b""
    # As after a confirmation, the refused rows and their reasons stay (docs/spreadsheets.md); the others go.
    record.preview = [o for o in record.preview if o["status"] == "error"]
    record.save(update_fields=["status", "file_data", "preview"])
    return record


@transaction.atomic
def imports_purge_stale(*, now: datetime.datetime | None = None) -> int:
    """Discard previews nobody confirmed or discarded within ``IMPORT_PREVIEW_RETENTION_DAYS``: the uploaded
    list holds the Jobcenter's personal data, which may be kept only as long as it is needed (DSGVO Art. 5(1)
    c, e). The record stays in the import log with its counts and the reason. Returns how many were
    discarded; safe to run daily."""
    days = conf.preview_retention_days()
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    with translation.override(settings.LANGUAGE_CODE):
        message = _("Discarded automatically: not confirmed within %(days)d days.") % {"days": days}
    return ImportRecord.objects.filter(status=ImportStatus.PREVIEWED, created_at__lt=cutoff).update(
        status=ImportStatus.DISCARDED, file_data=b"", preview=[], message=message
    )
