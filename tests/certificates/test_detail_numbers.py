"""The certificate page writes units as the reader writes numbers ("96,0 / 120" in German), like every other page."""

import re

import pytest
from django.urls import reverse

from certificates import services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "separator"), [("de", ","), ("en", ".")])
def test_module_units_follow_the_readers_number_format(client, staff, eligible, language, separator):
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    client.force_login(staff)
    client.cookies["django_language"] = language
    page = client.get(reverse("certificates:detail", kwargs={"pk": certificate.pk})).content.decode()
    units = re.findall(r"(\d+[.,]\d) / (\d+)</li>", page)
    assert units, "the modules list shows attended / planned units"
    assert all(separator in attended for attended, _ in units)
    assert not re.search(r"\d+[.,]\d / \d+[.,]\d</li>", page)  # planned units are whole numbers
