"""Every download's file name goes through core.filenames: control characters, line breaks, quotes, slashes
and bidi controls in data (a cohort number) can no longer break the response or spoof the name."""

import pytest
from django.urls import reverse

from certificates import services as certificate_services
from core.filenames import content_disposition, safe_download_name
from tests.certificates.factories import make_eligible


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("fehlzeiten", "K1/2026\r\nX-Evil: 1", "2026-03"), "fehlzeiten-K1-2026-X-Evil-1-2026-03.csv"),
        (("Zertifikate", 'a"b;c'), "Zertifikate-a-b-c.csv"),
        (("Zertifikat", "Savaş\u202egpj.exe"), "Zertifikat-Savaş-gpj.exe.csv"),
        (("..", "/etc/passwd"), "etc-passwd.csv"),
        (("\x00\x1f",), "download.csv"),
    ],
)
def test_names_keep_letters_digits_and_dots(parts, expected):
    assert safe_download_name(*parts, extension="csv") == expected


def test_header_has_an_ascii_name_or_rfc_6266_utf8():
    assert content_disposition("Zertifikate-K1.zip") == 'attachment; filename="Zertifikate-K1.zip"'
    assert content_disposition("Zertifikat-Savaş.pdf", attachment=False) == (
        "inline; filename*=utf-8''Zertifikat-Sava%C5%9F.pdf"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_absence_report_of_a_cohort_number_with_a_line_break(client, staff, enrolment, fmt):
    cohort = enrolment.cohort
    cohort.number = "K1\r\n2026"
    cohort.save()
    client.force_login(staff)
    url = reverse(
        "courses:absence_report_download",
        kwargs={"pk": cohort.pk, "year": cohort.start_date.year, "month": cohort.start_date.month, "fmt": fmt},
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="fehlzeiten-K1-2026-2026-02.{fmt}"'


@pytest.mark.django_db
def test_staff_export_and_cohort_zip_of_a_cohort_number_with_a_line_break(client, staff, supervisor, enrolment):
    cohort = enrolment.cohort
    cohort.number = "K1\n2026"
    cohort.save()
    make_eligible(enrolment, supervisor=supervisor)
    certificate_services.certificates_issue_for_cohort(cohort=cohort, by=staff)
    client.force_login(staff)
    response = client.get(reverse("certificates:cohort_zip", kwargs={"pk": cohort.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Zertifikate-K1-2026.zip"'
    response = client.get(reverse("spreadsheets:export_roster", args=[cohort.pk, "csv"]))
    assert response.status_code == 200
    assert "\n" not in response["Content-Disposition"]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "other_staff"])
def test_other_roles_still_get_no_report(client, request, enrolment, who):
    client.force_login(request.getfixturevalue(who))
    cohort = enrolment.cohort
    url = reverse("courses:absence_report_download", kwargs={"pk": cohort.pk, "year": 2026, "month": 2, "fmt": "csv"})
    assert client.get(url).status_code == 403
