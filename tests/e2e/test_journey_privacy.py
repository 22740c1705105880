"""Journey 6 (Art. 15 DSGVO): a participant opens "Ihre Daten" from the start page and asks for everything
stored about them (prepared in the background, then downloaded from its page); the ZIP is opened as they
would (the JSON for programs, the PDF as text). Staff then see that download recorded in the export they
take from the participant page."""

import json
import zipfile

import pytest

from certificates import services as certificate_services
from courses.models import AttendanceRecord
from privacy.models import AccessExport

from .helpers import axe_check, download, expect, login, pdf_pages_as_png, pdf_text, t
from .world import finished_cohort_with_results

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def open_export(path):
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["auskunft.pdf", "data.json"]
        data = json.loads(archive.read("data.json"))
        pdf = path.with_name(path.stem + ".pdf")
        pdf.write_bytes(archive.read("auskunft.pdf"))
    return data, pdf


def test_participant_downloads_their_data_and_staff_see_the_download_recorded(new_page, tmp_path):
    world, cohort, people = finished_cohort_with_results()
    lan = people["lan"]
    participant = lan.participant
    record = AttendanceRecord.objects.filter(enrolment=lan).order_by("session__date").first()
    record.note = "Arzttermin Kinderärztin, Nachweis liegt vor"
    record.save()
    certificate = certificate_services.certificate_issue(enrolment=lan, by=world.staff, language="de")

    # The participant: start page → "Ihre Daten" → download.
    page = new_page()
    login(page, "teilnehmerin")
    panel = page.get_by_role("region", name=t("Your data"))
    panel.get_by_role("link", name=t("See and download what we store about you")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Your data"))
    axe_check(page)
    (tmp_path / "self").mkdir()
    # The file is prepared in the background; the page shows the link when it is ready.
    page.get_by_role("button", name=t("Prepare my data (ZIP)")).click()
    expect(page.get_by_text(t("Your file is ready."))).to_be_visible()
    axe_check(page)
    archive = download(page, page.locator("#download-status").get_by_role("link").click, tmp_path / "self")
    assert archive.suffix == ".zip" and archive.name.startswith("Datenauskunft-")

    data, pdf = open_export(archive)
    assert data["person"]["given_name"] == "Thị Lan" and data["person"]["family_name"] == "Nguyễn"
    assert data["person"]["date_of_birth"] == "1988-03-14"
    assert data["login"]["username"] == "teilnehmerin"
    recorded = AttendanceRecord.objects.filter(enrolment=lan).count()
    assert recorded and len(data["attendance"]) == recorded
    assert {r["code"] for r in data["attendance"]} == {"P"}
    assert "Arzttermin Kinderärztin, Nachweis liegt vor" in [r["note"] for r in data["attendance"]]
    (exported,) = data["certificates"]
    assert exported["number"] == certificate.number and exported["status"] == "valid"
    assert exported["printed_values"]["participant"]["full_name"] == "Thị Lan Nguyễn"
    assert data["hour_entries"] and data["placements"][0]["facility"] == "Kita Regenbogen, Dülmen"

    pdf_pages_as_png(pdf, tmp_path / "pages", dpi=50)
    text = pdf_text(pdf)
    # Exactly as written (pdftotext gives NFC text back from DejaVu's glyphs): no "Thi Lan", no "Nguyen".
    assert "Thị Lan" in text and "Nguyễn" in text
    assert "Thị Lan Nguyễn" in text  # the certificate row prints the full name as issued
    assert certificate.number in text
    assert "Arzttermin Kinderärztin" in text

    export = AccessExport.objects.get()
    assert export.participant == participant and export.by_the_person
    assert export.downloaded_by == participant.user

    # Staff of the organisation: the participant page's export lists the participant's own download.
    staff = new_page()
    login(staff, "mitarbeiterin")
    staff.goto(f"/teilnehmende/{participant.pk}/")
    expect(staff.get_by_role("heading", level=1)).to_contain_text("Nguyễn")
    axe_check(staff)
    (tmp_path / "staff").mkdir()
    staff.get_by_role("button", name=t("Prepare all data (Art. 15 GDPR)")).click()
    expect(staff.get_by_text(t("Your file is ready."))).to_be_visible()
    link = staff.locator("#download-status").get_by_role("link")
    staff_data, staff_pdf = open_export(download(staff, link.click, tmp_path / "staff"))
    (earlier,) = staff_data["exports"]
    assert earlier["by_the_person"] is True
    assert earlier["at"][:10] == data["created_on"]  # today, in local time
    staff_text = pdf_text(staff_pdf)
    assert t("Earlier copies of this information") in staff_text

    downloads = list(AccessExport.objects.order_by("at", "id").values_list("downloaded_by", "by_the_person"))
    assert downloads == [(participant.user_id, True), (world.staff.pk, False)]
