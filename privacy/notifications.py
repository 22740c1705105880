"""The Art. 15 export is prepared in the background (notifications.prepared): it draws a PDF of everything
stored about a person, which takes seconds for someone with years of records, so no request waits for it and
the file waits for the person on their downloads page. Anonymisation after the retention period is a daily
job beside the others."""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.filenames import safe_download_name
from core.languages import STAFF_LANGUAGES
from courses.models import Participant
from notifications.jobs import background, daily
from notifications.prepared import Preparer, register


def _participant(params) -> Participant | None:
    return Participant.objects.filter(pk=params.get("participant")).first()


def _may_request(user, params) -> bool:
    participant = _participant(params)
    # The file is the requester's own: nobody queues an export in another user's name.
    return (
        participant is not None
        and params.get("by") == user.pk
        and user.has_perm("privacy.export_participant", participant)
    )


def _title(params) -> str:
    return _("Data access export (Art. 15 GDPR), record %(number)s") % {"number": params.get("participant")}


def _build(params, progress):
    from django.contrib.auth import get_user_model

    from . import selectors, services
    from .export import render_zip

    participant = Participant.objects.get(pk=params["participant"])
    requester = get_user_model().objects.get(pk=params["by"])
    progress(0, 1)
    # The PDF is drawn by ReportLab, which neither joins Arabic letters nor runs right to left, and its texts are
    # translated into German and English only: other page languages get the German PDF (docs/languages.md).
    language = params.get("language")
    with translation.override(language if language in STAFF_LANGUAGES else settings.LANGUAGE_CODE):
        content = render_zip(selectors.personal_data(participant))
    services.export_record(participant=participant, by=requester)
    progress(1, 1)
    day = f"{timezone.localdate():%Y-%m-%d}"
    return safe_download_name("Datenauskunft", participant.pk, day, extension="zip"), "application/zip", content


PRIVACY_EXPORT = register(Preparer("privacy_export", may_request=_may_request, title=_title, build=_build))


@daily("anonymise_expired")
@background
def anonymise_expired(today: str) -> tuple[int, int, int]:
    """Storage limitation (Art. 5(1)(e) GDPR) every day with the other daily jobs, so that the one crontab
    line runs it too (``privacy.services.anonymise_expired``)."""
    from .services import anonymise_expired as run

    return run(today=datetime.date.fromisoformat(today))
