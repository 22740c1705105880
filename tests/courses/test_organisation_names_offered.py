"""The cohort form's funder and partner inputs offer the known organisations' names (an HTML datalist), so
that staff pick the existing organisation rather than type it anew."""

import re

import pytest
from django.urls import reverse

from courses.models import PartnerOrganisation


@pytest.mark.django_db
def test_funder_and_partner_inputs_list_the_known_organisations(client, staff, cohort):
    PartnerOrganisation.objects.create(name="Kommunales Integrationszentrum Kreis Coesfeld")
    PartnerOrganisation.objects.create(name="Caritas Ahaus")
    client.force_login(staff)
    for url in (reverse("courses:cohort_create"), reverse("courses:cohort_update", args=[cohort.pk])):
        page = client.get(url).content.decode()
        assert re.search(r'<input type="text" name="funding_body"[^>]* list="partner-organisation-names"', page)
        assert re.search(r'<input type="text" name="partners"[^>]* list="partner-organisation-names"', page)
        datalist = re.search(r'<datalist id="partner-organisation-names">(.*?)</datalist>', page).group(1)
        assert re.findall(r'<option value="([^"]*)">', datalist) == [
            "Caritas Ahaus",
            "Kommunales Integrationszentrum Kreis Coesfeld",
            "Kreisjobcenter Coesfeld",
        ]
