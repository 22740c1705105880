"""The client's address, the one way the app finds it (certificate-check throttle and log-in lockout)."""

from django.conf import settings

UNKNOWN = "unknown"


def client_address(request) -> str:
    """The client's address. Behind N reverse proxies (``CERTIFICATE_TRUSTED_PROXIES=N``) it is the N-th
    address from the right of X-Forwarded-For: each trusted proxy appends the address it saw, so everything
    further left may be forged by the client. Without proxies (0) it is the connection's address."""
    proxies = settings.CERTIFICATE_TRUSTED_PROXIES or 0
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or UNKNOWN


def lockout_address(request) -> str | None:
    """``client_address`` for django-axes, which keeps it in an IP-address column (PostgreSQL refuses
    "unknown"): None for a request without an address, such as a log-in made by code (the test client's
    ``force_login``)."""
    address = client_address(request)
    return None if address == UNKNOWN else address
