"""Password guessing: a user name from one address is locked after five failures, on both log-in pages."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

LOGIN = "accounts:login"
RIGHT = "pass-word-123"


def _post(client, username, password, url=None, address="127.0.0.1"):
    return client.post(url or reverse(LOGIN), {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client, username, times=5, url=None, address="127.0.0.1"):
    for _ in range(times):
        _post(client, username, "wrong-guess", url=url, address=address)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_five_failures_lock_out_even_the_right_password(client, staff):
    _fail(client, "staff")
    response = _post(client, "staff", RIGHT)
    assert response.status_code == 429
    assert not _logged_in(client)
    text = response.content.decode()
    assert "too many failed log-ins" in text
    expected = timezone.localtime(timezone.now() + datetime.timedelta(minutes=15))
    shown = re.search(r"Please try again after (\d\d:\d\d)", text).group(1)
    assert shown in {expected.strftime("%H:%M"), (expected - datetime.timedelta(minutes=1)).strftime("%H:%M")}


@pytest.mark.django_db
def test_four_failures_then_the_right_password_logs_in(client, staff):
    _fail(client, "staff", times=4)
    response = _post(client, "staff", RIGHT)
    assert response.status_code == 302 and _logged_in(client)


@pytest.mark.django_db
def test_unknown_user_name_gets_the_same_answers(client, staff):
    """Neither the failures nor the lockout page tell whether the user name exists."""
    def attempts(username, address):
        tries = [_post(client, username, "wrong-guess", address=address) for _ in range(5)]
        return tries + [_post(client, username, RIGHT, address=address)]

    known, unknown = attempts("staff", "192.0.2.1"), attempts("nobody-here", "192.0.2.2")
    # The fifth failure already answers with the lockout page.
    assert [r.status_code for r in known] == [r.status_code for r in unknown] == [200] * 4 + [429, 429]
    assert known[0].context["form"].errors == unknown[0].context["form"].errors
    assert _main(known[-1]) == _main(unknown[-1])


def _main(response) -> str:
    main = re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)
    return re.sub(r"\d\d:\d\d", "HH:MM", main)  # the two lockouts may fall in different minutes


@pytest.mark.django_db
def test_lockout_is_for_the_name_and_address_together(client, staff, other_staff):
    _fail(client, "staff", address="203.0.113.7")
    assert _post(client, "staff", RIGHT, address="203.0.113.7").status_code == 429
    # The same person from another address, and another person from the attacker's address, still log in.
    assert _post(client, "staff", RIGHT, address="198.51.100.2").status_code == 302
    client.logout()
    assert _post(client, "other-staff", RIGHT, address="203.0.113.7").status_code == 302


@pytest.mark.django_db
def test_admin_login_is_locked_too(client, superuser):
    url = reverse("admin:login")
    _fail(client, "root", url=url)
    response = _post(client, "root", RIGHT, url=url)
    assert response.status_code == 429
    assert not _logged_in(client)
    assert "Please try again after" in response.content.decode()


@pytest.mark.django_db
def test_failures_on_both_pages_add_up(client, superuser):
    _fail(client, "root", times=3)
    _fail(client, "root", times=2, url=reverse("admin:login"))
    assert _post(client, "root", RIGHT).status_code == 429


@pytest.mark.django_db
def test_administrator_unlocks_with_the_command(client, staff):
    _fail(client, "staff")
    assert _post(client, "staff", RIGHT).status_code == 429
    call_command("axes_reset_username", "staff")
    assert _post(client, "staff", RIGHT).status_code == 302 and _logged_in(client)


@pytest.mark.django_db
def test_lockout_ends_after_the_cool_off(client, staff):
    _fail(client, "staff")
    assert _post(client, "staff", RIGHT).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert _post(client, "staff", RIGHT).status_code == 302


@pytest.mark.django_db
def test_a_successful_log_in_clears_earlier_typos(client, staff):
    _fail(client, "staff", times=4)
    assert _post(client, "staff", RIGHT).status_code == 302
    client.logout()
    _fail(client, "staff", times=4)
    assert _post(client, "staff", RIGHT).status_code == 302


@pytest.mark.django_db
def test_lockout_page_in_german(german_client, staff):
    _fail(german_client, "staff")
    text = _post(german_client, "staff", RIGHT).content.decode()
    assert "Bitte versuchen Sie es nach" in text


@pytest.mark.django_db
def test_behind_a_load_balancer_the_client_is_counted_not_the_balancer(client, staff, settings):
    settings.CERTIFICATE_TRUSTED_PROXIES = 1

    def post(password, client_address):
        return client.post(
            reverse(LOGIN),
            {"username": "staff", "password": password},
            REMOTE_ADDR="10.0.0.5",  # the load balancer
            HTTP_X_FORWARDED_FOR=f"6.6.6.6, {client_address}",  # the left part is the client's own claim
        )

    for _ in range(5):
        post("wrong-guess", "203.0.113.7")
    assert post(RIGHT, "203.0.113.7").status_code == 429
    assert post(RIGHT, "198.51.100.2").status_code == 302  # another employee behind the same balancer
