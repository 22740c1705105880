"""Password reset by e-mail with Django's views: for every role, in the person's language, and the page
never tells whether an address is known."""

import re

import pytest
from django.core import mail
from django.urls import reverse

PASSWORD = "Neues-Passwort-Juli-26"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["staff", "supervisor", "participant_user"])
def test_reset_for_every_role(client, request, who):
    user = request.getfixturevalue(who)
    user.email = f"{user.username}@example.org"
    user.preferred_language = "en"
    user.save()
    response = client.post(reverse("accounts:password_reset"), {"email": user.email.upper()})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    assert mail.outbox[0].alternatives  # a simple HTML part too
    path = re.search(r"http://[^\s]+(/konto/passwort-neu/[^\s]+/)", mail.outbox[0].body).group(1)
    page = client.get(path)
    assert page.status_code == 302  # Django moves the token out of the address
    response = client.post(page["Location"], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert client.get(path).status_code == 200  # the link is dead now: the page says so
    assert not client.get(path).context["validlink"]


@pytest.mark.django_db
def test_unknown_address_looks_identical(client, staff):
    staff.email = "staff@example.org"
    staff.save()
    known = client.post(reverse("accounts:password_reset"), {"email": "staff@example.org"}, follow=True)
    unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert len(mail.outbox) == 1
    assert known.redirect_chain == unknown.redirect_chain
    def without_csrf(response):  # the one part that differs on every page
        return re.sub(rb'(X-CSRFToken": "|csrfmiddlewaretoken" value=")[^"]+', b"", response.content)

    assert without_csrf(known) == without_csrf(unknown)


@pytest.mark.django_db
def test_reset_email_in_recipients_language_with_organisation(client, staff, participant_user, organisation):
    participant = participant_user.participant
    participant.email = "lan@example.org"
    participant.save()
    client.force_login(staff)  # inviting records the organisation the person belongs to
    client.post(
        reverse("courses:participant_login", args=[participant.pk]), {"login-delivery": "email"}
    )
    client.logout()
    participant_user.refresh_from_db()
    participant_user.set_password("pass-word-123")
    participant_user.preferred_language = "de"
    participant_user.save()
    mail.outbox.clear()
    client.post(reverse("accounts:password_reset"), {"email": "lan@example.org"})
    message = mail.outbox[0]
    assert "Passwort" in message.subject and organisation.name in message.subject
    assert "neues Passwort" in message.body


@pytest.mark.django_db
def test_login_page_links_reset_and_first_login(german_client):
    page = german_client.get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in page and "Passwort vergessen?" in page
    assert reverse("accounts:first_login") in page
