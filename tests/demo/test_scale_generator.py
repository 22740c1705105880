"""generate_scale_data at a small scale: every table is filled, the data hangs together, and the bench
logins see what the benchmarks measure. The full scale (minutes) is measured in docs/benchmarks.md."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from certificates.models import Certificate
from courses.models import AttendanceRecord, Cohort, Enrolment, Participant
from demo.scale import BENCH_COHORT_NUMBER_SUFFIX, BENCH_COHORT_SIZE, BENCH_PASSWORD
from placements.models import HourEntry

pytestmark = pytest.mark.django_db(transaction=True)


def _generate(seed: int = 7) -> str:
    out = io.StringIO()
    call_command("generate_scale_data", "--scale=0.002", f"--seed={seed}", "--today=2026-11-23", stdout=out)
    return out.getvalue()


def test_every_table_is_filled_and_consistent():
    output = _generate()

    assert "done:" in output
    assert Cohort.objects.count() >= 6
    assert Participant.objects.count() == Enrolment.objects.count()
    assert AttendanceRecord.objects.exists() and HourEntry.objects.exists() and Certificate.objects.exists()
    big = Cohort.objects.get(number__endswith=BENCH_COHORT_NUMBER_SUFFIX)
    assert big.enrolments.count() == BENCH_COHORT_SIZE
    # Written with plain INSERTs: the names still sort and search like those saved through the models.
    person = Participant.objects.order_by("pk").first()
    assert Participant.objects.filter(name_key__startswith=person.name_key.split()[0]).exists()


def test_bench_logins_see_their_pages():
    _generate()
    client = Client()
    assert client.login(username="bench-staff", password=BENCH_PASSWORD)
    big = Cohort.objects.get(number__endswith=BENCH_COHORT_NUMBER_SUFFIX)
    assert client.get(reverse("courses:cohort_detail", kwargs={"pk": big.pk})).status_code == 200

    certificate = Certificate.objects.filter(status="valid").order_by("pk").first()
    verify = reverse("certificates:verify_code", kwargs={"code": certificate.verification_code})
    response = Client().get(verify)
    assert response.status_code == 200
    assert certificate.number in response.content.decode()
    assert Client().get(reverse("certificates:download", kwargs={"pk": certificate.pk})).status_code in {302, 403}
    assert client.get(reverse("certificates:download", kwargs={"pk": certificate.pk}))["Content-Type"] == (
        "application/pdf"
    )
