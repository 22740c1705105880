"""Responses that hold personal data must not be kept by browsers or proxies."""

from django.utils.cache import add_never_cache_headers

# Content types of the files the app produces (certificates, reports, exports, ZIPs).
FILE_TYPES = (
    "application/pdf",
    "application/zip",
    "text/csv",
    "application/vnd.openxmlformats-officedocument",
    "application/vnd.oasis.opendocument",
    "application/vnd.ms-excel",
    "application/octet-stream",
)
# The public certificate check shows a holder's name and dates to anyone with the code.
PUBLIC_PAGES_WITH_PERSONAL_DATA = {"certificates:verify", "certificates:verify_code"}


def holds_personal_data(request, response) -> bool:
    """One rule: every response to a logged-in user, every file download, and the certificate check."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if response.get("Content-Disposition", "").lower().startswith("attachment"):
        return True
    if response.get("Content-Type", "").split(";")[0].strip().startswith(FILE_TYPES):
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in PUBLIC_PAGES_WITH_PERSONAL_DATA


class NoStoreMiddleware:
    """Marks responses with personal data ``Cache-Control: no-store`` (and private, no-cache, max-age=0)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if holds_personal_data(request, response):
            add_never_cache_headers(response)
        return response
