"""Signed documents (certificates/credential_urls.py). Uses the certificate of tests/url_access/certificates.py
and the suite's test signing key (tests/conftest.py)."""

from . import EVERYONE, Access, allow


def _certificate(world):
    return {"pk": world.certificate.pk}


def _organisation(world):
    return {"pk": world.cohort.site.organisation_id}


def _kid(world):
    from certificates.signing_keys import organisation_key

    return {"kid": organisation_key(world.cohort.site.organisation_id).kid}


ENTRIES = {
    # Public: the check forms (GET shows them), and what verifiers fetch.
    "certificates:verify_pdf": Access(EVERYONE),
    "certificates:verify_credential": Access(EVERYONE),
    "certificates:credential_issuer": Access(EVERYONE, kwargs=_organisation),
    "certificates:credential_keys": Access(EVERYONE),
    "certificates:credential_key": Access(EVERYONE, kwargs=_kid),
    "certificates:credential_status_list": Access(EVERYONE, kwargs=_organisation),
    # The holder's own credential and badge, and staff of the organisation; nobody else.
    "certificates:credential_download": allow("staff", "participant", kwargs=_certificate),
    "certificates:credential_badge": allow("staff", "participant", kwargs=_certificate),
    "certificates:credential_badge_png": allow("staff", "participant", kwargs=_certificate),
}
