"""The one safe function for a download's file name, and the Content-Disposition header built from it.

Names come from data (a cohort number, a certificate number) and may hold a line break, a quote, a slash or
a control character: put into a header as they are, they break the response (Django refuses a header with a
line break: the download answered 500) or let a name escape its quotes. ``safe_download_name`` keeps
letters of every script, digits and ``.-_``, turns the rest into ``-``; ``content_disposition`` writes the
header as RFC 6266 says, an ASCII ``filename`` plus ``filename*`` in UTF-8 (Django's own
``content_disposition_header``), so "Zertifikat-Savaş.pdf" keeps its ş where the browser can.
"""

import re
import unicodedata

from django.http import HttpResponseBase
from django.utils.http import content_disposition_header

_UNSAFE = re.compile(r"[^\w.\-]+")
_DASHES = re.compile(r"-{2,}")
MAX_STEM = 120


def safe_download_name(*parts, extension: str = "", fallback: str = "download") -> str:
    """A file name from ``parts`` joined by "-": no control, format (bidi), path or quote characters, no
    leading dot, at most 120 characters before the extension."""
    text = "-".join(str(part) for part in parts if part is not None and str(part) != "")
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if unicodedata.category(ch)[0] not in "CZ" else "-" for ch in text)
    text = _DASHES.sub("-", _UNSAFE.sub("-", text)).strip("-.")[:MAX_STEM].strip("-.")
    text = text or fallback
    extension = _UNSAFE.sub("", extension.lstrip("."))
    return f"{text}.{extension}" if extension else text


def content_disposition(file_name: str, *, attachment: bool = True) -> str:
    return content_disposition_header(attachment, safe_download_name(file_name))


def set_download_name(response: HttpResponseBase, file_name: str, *, attachment: bool = True) -> HttpResponseBase:
    response["Content-Disposition"] = content_disposition(file_name, attachment=attachment)
    return response
