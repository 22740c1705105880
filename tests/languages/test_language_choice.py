"""The menu's language: participants and visitors choose among six, staff and supervisors between German and
English; a logged-in user's choice is saved on the user and wins over the browser's; Arabic and Dari pages run
right to left with Bootstrap's RTL stylesheet."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _choose(client, code, next_url="/"):
    return client.post(reverse("set_language"), {"language": code, "next": next_url})


def test_participant_choice_is_saved_and_shown_right_to_left(client, participant_user):
    client.force_login(participant_user)
    response = _choose(client, "ar")
    assert response.status_code == 302
    participant_user.refresh_from_db()
    assert participant_user.preferred_language == "ar"
    page = client.get(reverse("home")).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "bootstrap/css/bootstrap.rtl.min.css" in page
    assert "دورتك" in page  # "Your course"


def test_saved_language_wins_over_the_browser(participant_user):
    participant_user.preferred_language = "uk"
    participant_user.save()
    browser = Client(headers={"accept-language": "de"})
    browser.force_login(participant_user)
    page = browser.get(reverse("home")).content.decode()
    assert '<html lang="uk" dir="ltr">' in page
    assert "Ваш курс" in page


def test_participant_menu_offers_six_languages(client, participant_user):
    client.force_login(participant_user)
    page = client.get(reverse("home")).content.decode()
    for code in ("de", "en", "uk", "ar", "tr", "fa"):
        assert f'<option value="{code}" lang="{code}"' in page


def test_staff_menu_offers_german_and_english_and_refuses_arabic(client, staff):
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert '<option value="en" lang="en"' in page
    assert '<option value="ar"' not in page
    _choose(client, "ar")
    staff.refresh_from_db()
    assert staff.preferred_language == ""
    assert '<html lang="ar"' not in client.get(reverse("home")).content.decode()


def test_supervisor_with_an_arabic_browser_gets_german(supervisor):
    browser = Client(headers={"accept-language": "ar"})
    browser.force_login(supervisor)
    assert '<html lang="de" dir="ltr">' in browser.get(reverse("home")).content.decode()


def test_visitor_choice_is_kept_in_the_cookie(db):
    browser = Client(headers={"accept-language": "de"})
    _choose(browser, "fa", reverse("certificates:verify"))
    page = browser.get(reverse("certificates:verify")).content.decode()
    assert '<html lang="fa" dir="rtl">' in page
    assert "بررسی گواهینامه" in page  # "Check a certificate"


def test_set_language_answers_only_post(client):
    assert client.get(reverse("set_language")).status_code == 405


def test_language_chosen_on_the_log_in_page_is_kept_at_log_in(participant_user):
    browser = Client(headers={"accept-language": "de"})
    _choose(browser, "tr", reverse("accounts:login"))
    response = browser.post(reverse("accounts:login"), {"username": "participant", "password": "pass-word-123"})
    assert response.status_code == 302
    participant_user.refresh_from_db()
    assert participant_user.preferred_language == "tr"
