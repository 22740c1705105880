"""Journey: staff invite a participant who has an e-mail address; the participant follows the link in the
e-mail, chooses a password and lands logged in on their start page. Nobody but the participant ever types
or sees the password.

The live server runs in this process, so the test environment's in-memory mail backend collects the
message in ``django.core.mail.outbox``."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from .helpers import axe_check, expect, login, t
from .world import build_world, enrol, running_cohort

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Kita-Morgenkreis-2026"


def test_staff_invite_by_email_and_the_participant_sets_a_password_and_is_logged_in(new_page, live_server, settings):
    settings.SITE_URL = live_server.url  # the address the e-mail links to
    world = build_world()
    enrolment = enrol(running_cohort(world), "Nguyễn Thị", "Lan", datetime.date(1988, 3, 9))
    participant = enrolment.participant
    participant.email = "lan.nguyen@example.org"
    participant.save()
    mail.outbox.clear()

    # Staff open the participant's page and invite her by e-mail: a user name, no password.
    staff = new_page()
    login(staff, world.staff.username)
    staff.goto(reverse("courses:participant_detail", args=[participant.pk]))
    form = staff.get_by_role("region", name=t("Invite to a login"))
    form.get_by_label(t("User name")).fill("lan.nguyen")
    form.get_by_label(t("by e-mail")).check()
    form.get_by_role("button", name=t("Invite")).click()
    staff.wait_for_url(f"**{reverse('courses:participant_detail', args=[participant.pk])}")
    expect(staff.get_by_role("main")).to_contain_text(participant.email)
    axe_check(staff)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [participant.email]
    assert "AWO Unterbezirk Münsterland-Recklinghausen" in message.body
    link = re.search(rf"{re.escape(live_server.url)}/konto/einladung/\d+/[^\s/]+/", message.body)
    assert link, message.body
    assert NEW_PASSWORD not in message.body

    # The participant follows the link in a browser of her own and chooses her password.
    person = new_page()
    person.goto(link.group(0))
    expect(person.get_by_role("heading", name=t("Choose your password"))).to_be_visible()
    assert "/einladung/" in person.url and link.group(0).rstrip("/").rsplit("/", 1)[1] not in person.url
    expect(person.get_by_role("main")).to_contain_text("lan.nguyen")
    axe_check(person)
    # The label ends in the required-field star; the second field's label starts with the same words.
    person.get_by_label(re.compile(rf"^{re.escape(t('New password'))}\s*\*?$")).fill(NEW_PASSWORD)
    person.get_by_label(t("New password confirmation")).fill(NEW_PASSWORD)
    person.get_by_role("button", name=t("Save password and log in")).click()

    # She lands logged in on her start page, with her course on it.
    person.wait_for_url(f"{live_server.url}/")
    expect(person.get_by_role("main")).to_contain_text(t("Your password is set. Welcome!"))
    expect(person.get_by_role("heading", name=t("Your course"))).to_be_visible()
    expect(person.get_by_role("main")).to_contain_text(enrolment.cohort.number)
    axe_check(person)

    # The link was for one use only.
    again = new_page()
    again.goto(link.group(0))
    expect(again.get_by_role("heading", level=1)).to_have_text(t("Invitation not valid"))
