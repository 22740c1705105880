"""What the funder's and partners' log-ins opened is part of a person's Art. 15 export, and an access record
whose detail names the person loses that detail on erasure."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from courses.models import PartnerAccess
from courses.services import record_partner_access
from privacy import services
from privacy.selectors import personal_data

from ..factories import CohortFactory, PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_export_lists_who_at_the_funder_opened_the_persons_cohort(client, enrolment, partner, participant_user):
    cohort = enrolment.cohort
    record_partner_access(user=partner, action="dashboard", cohort=cohort)
    other = CohortFactory(funding_body=cohort.funding_body)
    record_partner_access(user=partner, action="dashboard", cohort=other)  # not the person's cohort
    client.force_login(participant_user)
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("privacy:my_export")).content))
    data = json.loads(archive.read("data.json"))
    assert [(a["organisation"], a["action"], a["cohort"], a["names_shown"]) for a in data["partner_accesses"]] == [
        ("Kreisjobcenter Coesfeld", "dashboard", cohort.number, False)
    ]
    assert "Kommunales Integrationszentrum" in " ".join(data["information"]["recipients"])
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read("auskunft.pdf"))).pages)
    assert "Seen by the funder and partners" in text


def test_a_person_whose_cohort_nobody_opened_gets_an_empty_section(enrolment):
    assert personal_data(enrolment.participant)["partner_accesses"] == []


def test_erasure_blanks_a_detail_that_names_the_person_and_keeps_the_record(enrolment, partner, staff):
    participant = enrolment.participant
    participant.jobcenter_customer_number = "123D456789"
    participant.save()
    cohort = enrolment.cohort
    naming = record_partner_access(user=partner, action="rows", cohort=cohort, detail=f"search {participant.full_name}")
    number = record_partner_access(user=partner, action="rows", cohort=cohort, detail="search 123d456789")
    plain = record_partner_access(user=partner, action="quarterly report", cohort=cohort, detail="2026 Q1")
    elsewhere = record_partner_access(
        user=partner, action="rows", cohort=CohortFactory(funding_body=PartnerOrganisationFactory(name="JC Borken")),
        detail=f"search {participant.full_name}",
    )
    services.participant_erase(participant=participant, reason="Request of the person", by=staff)
    details = dict(PartnerAccess.objects.values_list("pk", "detail"))
    assert details == {naming.pk: "–", number.pk: "–", plain.pk: "2026 Q1", elsewhere.pk: elsewhere.detail}


def test_the_erasure_page_counts_the_details_that_go(client, enrolment, partner, staff):
    participant = enrolment.participant
    record_partner_access(user=partner, action="rows", cohort=enrolment.cohort, detail=participant.full_name)
    record_partner_access(user=partner, action="dashboard", cohort=enrolment.cohort)
    client.force_login(staff)
    page = client.get(reverse("privacy:participant_erase", args=[participant.pk])).content.decode()
    assert "The detail of 1 record of what the funder or a partner opened" in page
