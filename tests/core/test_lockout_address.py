"""django-axes keeps the client's address in an IP-address column: a request without one (a log-in made by code)
gives None, not the throttle's "unknown", which PostgreSQL refuses."""

from django.test import RequestFactory

from core.net import UNKNOWN, client_address, lockout_address


def test_a_request_with_an_address_gives_it_to_both():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    assert client_address(request) == lockout_address(request) == "192.0.2.7"


def test_a_request_without_an_address_gives_the_lockout_none():
    request = RequestFactory().get("/")
    request.META.pop("REMOTE_ADDR")
    assert client_address(request) == UNKNOWN
    assert lockout_address(request) is None
