"""Everything a partner opens or exports is recorded; nobody else is."""

import pytest
from django.urls import reverse

from courses.models import PartnerAccess
from courses.services import record_partner_access


def test_a_partners_access_is_recorded_with_organisation_and_cohort(partner, cohort):
    record = record_partner_access(user=partner, action="quarterly report PDF", cohort=cohort, detail="2026 Q1")
    assert PartnerAccess.objects.get() == record
    assert record.user == partner
    assert record.organisation_name == "Kreisjobcenter Coesfeld"
    assert (record.action, record.cohort, record.detail) == ("quarterly report PDF", cohort, "2026 Q1")
    assert record.at is not None
    assert record.names_shown is False


def test_the_record_keeps_whether_names_were_shown(partner, cohort):
    cohort.names_visible_to_partners = True
    cohort.save()
    record = record_partner_access(user=partner, action="dashboard", cohort=cohort)
    cohort.names_visible_to_partners = False
    cohort.save()
    record.refresh_from_db()
    assert record.names_shown is True


def test_without_a_cohort(partner):
    record = record_partner_access(user=partner, action="dashboard")
    assert record.cohort is None and record.names_shown is False


@pytest.mark.parametrize("who", ["staff", "supervisor", "participant_user"])
def test_nobody_else_is_recorded(request, who, cohort):
    user = request.getfixturevalue(who)
    assert record_partner_access(user=user, action="dashboard", cohort=cohort) is None
    assert not PartnerAccess.objects.exists()


def test_the_partner_start_page_is_recorded(client, partner):
    client.force_login(partner)
    client.get(reverse("home"))
    assert list(PartnerAccess.objects.values_list("user__username", "action")) == [("partner", "start page")]


def test_admin_shows_the_record_read_only(client, partner, cohort, django_user_model):
    record = record_partner_access(user=partner, action="dashboard", cohort=cohort)
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pass-word-123")
    client.force_login(admin)
    assert client.get(reverse("admin:courses_partneraccess_changelist")).status_code == 200
    assert client.get(reverse("admin:courses_partneraccess_add")).status_code == 403
    response = client.post(reverse("admin:courses_partneraccess_delete", args=[record.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert PartnerAccess.objects.filter(pk=record.pk).exists()
