"""Large downloads prepared in the background ("prepared for you").

A kind of download is registered once with a :class:`Preparer`; the request page calls
:func:`download_request`, which stores a PreparedDownload and queues :func:`prepare_download`; the status
page polls until the file is there. Another app (the Art. 15 export, a quarterly report) registers its own::

    from notifications.prepared import Preparer, register
    register(Preparer("privacy_export", may_request=..., title=..., build=...))

``build(params, progress)`` returns ``(file name, content type, bytes)`` and may call ``progress(done, total)``.
"""

import datetime
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import DomainError

from . import conf
from .jobs import background
from .models import DownloadStatus, PreparedDownload


@dataclass(frozen=True)
class Preparer:
    kind: str
    may_request: Callable  # (user, params) -> bool
    title: Callable  # (params) -> str, in the current language
    build: Callable  # (params, progress) -> (file_name, content_type, bytes)


PREPARERS: dict[str, Preparer] = {}


def register(preparer: Preparer) -> Preparer:
    PREPARERS[preparer.kind] = preparer
    return preparer


@transaction.atomic
def download_request(*, kind: str, params: dict, by) -> PreparedDownload:
    """Queue a download for ``by``; the same request still waiting or running is not queued twice."""
    preparer = PREPARERS.get(kind)
    if preparer is None or not preparer.may_request(by, params):
        raise DomainError(_("You may not request this download."))
    waiting = (
        PreparedDownload.objects.select_for_update()
        .filter(requested_by=by, kind=kind, params=params, status__in=[DownloadStatus.QUEUED, DownloadStatus.RUNNING])
        .first()
    )
    if waiting is not None:
        return waiting
    download = PreparedDownload.objects.create(requested_by=by, kind=kind, params=params, title=preparer.title(params))
    transaction.on_commit(lambda: prepare_download.enqueue(download.pk))
    return download


@background
def prepare_download(download_id: int) -> bool:
    download = PreparedDownload.objects.filter(pk=download_id).first()
    if download is None or download.status == DownloadStatus.READY:
        return False
    preparer = PREPARERS[download.kind]
    PreparedDownload.objects.filter(pk=download.pk).update(status=DownloadStatus.RUNNING)

    def progress(done: int, total: int) -> None:
        PreparedDownload.objects.filter(pk=download.pk).update(done=done, total=total)

    try:
        file_name, content_type, data = preparer.build(download.params, progress)
    except Exception as error:
        PreparedDownload.objects.filter(pk=download.pk).update(
            status=DownloadStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    PreparedDownload.objects.filter(pk=download.pk).update(
        status=DownloadStatus.READY,
        file_name=file_name,
        content_type=content_type,
        data=data,
        error="",
        finished_at=timezone.now(),
    )
    return True


def downloads_purge_expired(*, now: datetime.datetime | None = None) -> int:
    limit = (now or timezone.now()) - datetime.timedelta(days=conf.prepared_download_retention_days())
    deleted, _ = PreparedDownload.objects.filter(created_at__lt=limit).delete()
    return deleted


# --- The cohort's certificates as one ZIP ---------------------------------------------------------------


def _may_download_cohort_zip(user, params) -> bool:
    from courses.models import Cohort

    cohort = Cohort.objects.filter(pk=params.get("cohort")).first()
    return cohort is not None and user.has_perm("certificates.download_cohort_certificates", cohort)


def _is_attendance(params) -> bool:
    from certificates.models import DocumentKind

    return params.get("kind") == DocumentKind.ATTENDANCE


def _cohort_zip_title(params) -> str:
    from courses.models import Cohort

    cohort = Cohort.objects.select_related("programme", "site").filter(pk=params.get("cohort")).first()
    if _is_attendance(params):
        return _("Certificates of attendance of %(cohort)s (ZIP)") % {"cohort": cohort}
    return _("Certificates of %(cohort)s (ZIP)") % {"cohort": cohort}


def _cohort_zip_build(params, progress):
    from certificates.models import DocumentKind
    from certificates.pdf_zip import stream_certificates_zip
    from certificates.selectors import certificates_of_cohort
    from certificates.signing import zip_signer
    from core.filenames import safe_download_name
    from courses.models import Cohort

    cohort = Cohort.objects.select_related("site").get(pk=params["cohort"])
    kind = DocumentKind.ATTENDANCE if _is_attendance(params) else DocumentKind.CERTIFICATE
    snapshots = [c.snapshot for c in certificates_of_cohort(cohort, kind)]
    buffer = io.BytesIO()
    # The same ZIP as the streamed one, written piece by piece; progress after each document.
    chunks = stream_certificates_zip(snapshots, params.get("language"), sign=zip_signer(cohort.site.organisation_id))
    for done, chunk in enumerate(chunks, start=1):
        buffer.write(chunk)
        progress(min(done, len(snapshots)), len(snapshots))
    zipfile.ZipFile(io.BytesIO(buffer.getvalue())).testzip()
    prefix = "Teilnahmebescheinigungen" if kind == DocumentKind.ATTENDANCE else "Zertifikate"
    return safe_download_name(prefix, cohort.number, extension="zip"), "application/zip", buffer.getvalue()


COHORT_CERTIFICATES_ZIP = register(
    Preparer(
        "cohort_certificates_zip",
        may_request=_may_download_cohort_zip,
        title=_cohort_zip_title,
        build=_cohort_zip_build,
    )
)
