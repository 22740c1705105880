"""The daily command anonymises everyone whose retention period after the end of their measure has passed."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from courses.models import Participant
from courses.services import enrolment_withdraw
from privacy.models import Erasure, LoginRecord
from privacy.services import anonymise_expired

pytestmark = pytest.mark.django_db

END = datetime.date(2026, 6, 26)  # the fixture cohort's end


def test_nobody_is_anonymised_before_the_period_ends(history, enrolment):
    assert anonymise_expired(today=datetime.date(2036, 6, 26))[0] == 0
    assert not Erasure.objects.exists()


def test_after_the_period_the_person_is_anonymised_once(history, enrolment):
    assert anonymise_expired(today=datetime.date(2036, 6, 27))[0] == 1
    erasure = Erasure.objects.get()
    assert erasure.after_retention and erasure.by is None
    assert Participant.objects.get(pk=enrolment.participant.pk).given_name == "Anonymisiert"
    assert anonymise_expired(today=datetime.date(2036, 6, 28))[0] == 0


def test_the_period_is_set_per_organisation(history, enrolment, organisation):
    organisation.retention_years = 3
    organisation.save()
    assert anonymise_expired(today=datetime.date(2029, 6, 26))[0] == 0
    assert anonymise_expired(today=datetime.date(2029, 6, 27))[0] == 1


def test_a_withdrawal_ends_the_measure(enrolment, staff, organisation):
    organisation.retention_years = 1
    organisation.save()
    enrolment_withdraw(enrolment=enrolment, on=datetime.date(2026, 3, 2), reason="Umzug", by=staff)
    assert anonymise_expired(today=datetime.date(2027, 3, 2))[0] == 0
    assert anonymise_expired(today=datetime.date(2027, 3, 3))[0] == 1


def test_the_register_keeps_the_name_where_the_organisation_chose_so(client, history, organisation):
    organisation.certificates_verifiable_by_name = True
    organisation.save()
    anonymise_expired(today=datetime.date(2037, 1, 1))
    certificate = Certificate.objects.get(pk=history.pk)
    assert certificate.holder_name.endswith("Yılmaz") and certificate.holder_erased == "retention"
    assert certificate.snapshot["participant"]["date_of_birth"] == ""


def test_otherwise_the_check_page_says_the_data_were_erased_after_the_period(client, history):
    anonymise_expired(today=datetime.date(2037, 1, 1))
    page = client.get(reverse("certificates:verify_code", args=[history.verification_code])).content.decode()
    assert "erased after the retention period" in page
    assert "Yılmaz" not in page


def test_the_command_runs_daily_and_forgets_old_log_ins(history, participant_user, capsys):
    LoginRecord.objects.update(at=timezone.now() - datetime.timedelta(days=400))
    call_command("anonymise_expired")
    out = "0 person(s) anonymised, {} log-in record(s) and 0 partner access record(s) deleted."
    assert out.format(1) in capsys.readouterr().out
    call_command("anonymise_expired")
    assert out.format(0) in capsys.readouterr().out


def test_logging_in_is_recorded(client, enrolment, participant_user):
    assert client.login(username="participant", password="pass-word-123")
    assert LoginRecord.objects.filter(user=participant_user).count() == 1
