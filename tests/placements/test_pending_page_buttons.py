"""On the pending-hours page "Confirm" and "Reject" are both buttons of the same kind side by side (a link
styled as a button sat out of line on phones). "Reject" opens the reason form with a GET of its own form, which
carries only the page number, never the ticked boxes or the CSRF token."""

import re

import pytest

from .conftest import log
from .test_pending_page import PAGE, one_per_page, two_people  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_confirm_and_reject_are_both_buttons(client, active_placement, participant_user, supervisor):
    entry = log(active_placement, participant_user, day=-2)
    client.force_login(supervisor)
    page = client.get(PAGE).content.decode()

    row = re.search(rf'id="entry-{entry.pk}".*?</li>', page, re.S).group(0)
    assert row.count('<button class="btn') == 2 and "<a " not in row
    assert f'type="submit" form="reject-{entry.pk}"' in row
    reject_form = re.search(rf'<form id="reject-{entry.pk}"[^>]*>.*?</form>', page, re.S).group(0)
    assert f'action="/praxis/stunden/{entry.pk}/ablehnen/"' in reject_form and 'method="get"' in reject_form
    assert "csrfmiddlewaretoken" not in reject_form
    # Outside the page's own form: forms do not nest.
    assert page.index(reject_form) > page.index("</form>", page.index('id="decide-form"'))
    # The button leads to the reason form.
    assert "reason" in client.get(f"/praxis/stunden/{entry.pk}/ablehnen/").content.decode()


def test_reject_form_carries_the_page_number_only(client, one_per_page, two_people, supervisor):  # noqa: F811
    first, second = two_people
    client.force_login(supervisor)
    page = client.get(f"{PAGE}?page=2").content.decode()
    reject_form = re.search(r'<form id="reject-\d+"[^>]*>.*?</form>', page, re.S).group(0)
    assert '<input type="hidden" name="page" value="2">' in reject_form


def test_staff_and_participants_get_no_buttons(client, active_placement, participant_user, staff):
    log(active_placement, participant_user, day=-2)
    for user in (staff, participant_user):
        client.force_login(user)
        assert 'form="reject-' not in client.get(PAGE).content.decode()
