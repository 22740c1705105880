"""Signed documents in the browser: a participant downloads their badges (the Open Badges credential baked
into an SVG and into a PNG) and their signed PDF; an anonymous visitor checks them on the public page, and a
PDF with one byte changed is reported as altered."""

import re

import pytest

from certificates import services as certificate_services

from .helpers import axe_check, download, expect, login, t
from .world import finished_cohort_with_results

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_participant_downloads_badge_and_pdf_and_anyone_checks_them(new_page, live_server, settings, tmp_path):
    settings.SITE_URL = live_server.url
    world, cohort, people = finished_cohort_with_results()
    certificate = certificate_services.certificate_issue(enrolment=people["lan"], by=world.staff, language="de")

    page = new_page()
    login(page, "teilnehmerin")
    panel = page.get_by_role("region", name=re.compile(t("Your certificate")))
    badge = download(page, panel.get_by_role("link", name=t("Digital badge (SVG)")).click, tmp_path)
    assert badge.read_text().count("<openbadges:credential verify=") == 1
    png = download(page, panel.get_by_role("link", name=t("Digital badge (PNG)")).click, tmp_path)
    assert png.read_bytes().startswith(b"\x89PNG")
    pdf = download(page, panel.get_by_role("link", name=t("Download (German)")).click, tmp_path)

    visitor = new_page()
    visitor.goto("/zertifikate/pruefen/")
    axe_check(visitor)
    visitor.get_by_label(t("Credential or badge file")).set_input_files(str(badge))
    visitor.get_by_role("button", name=t("Check credential")).click()
    status = visitor.get_by_role("status")
    expect(status).to_contain_text(t("The credential's signature is intact and the certificate is valid."))
    expect(visitor.get_by_role("main")).to_contain_text("Thị Lan Nguyễn")
    expect(visitor.get_by_role("main")).to_contain_text(certificate.number)
    axe_check(visitor)
    visitor.get_by_label(t("Credential or badge file")).set_input_files(str(png))
    visitor.get_by_role("button", name=t("Check credential")).click()
    expect(visitor.get_by_role("status")).to_contain_text(
        t("The credential's signature is intact and the certificate is valid.")
    )

    visitor.get_by_label(t("Signed PDF")).set_input_files(str(pdf))
    visitor.get_by_role("button", name=t("Check PDF")).click()
    expect(visitor.get_by_role("status")).to_contain_text(t("The seal is intact and the certificate is valid."))

    data = pdf.read_bytes()
    position = data.index(b"stream", 2000) + 100
    altered = tmp_path / "veraendert.pdf"
    altered.write_bytes(data[:position] + bytes([data[position] ^ 1]) + data[position + 1 :])
    visitor.get_by_label(t("Signed PDF")).set_input_files(str(altered))
    visitor.get_by_role("button", name=t("Check PDF")).click()
    expect(visitor.get_by_role("status")).to_contain_text(
        t("This document was changed after it was signed. It is not a valid certificate.")
    )
    axe_check(visitor)
