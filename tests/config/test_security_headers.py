"""Every page carries the Content-Security-Policy and Permissions-Policy; every response with personal data
(every page for a logged-in user, every file, the public certificate check) is Cache-Control: no-store."""

import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from config.middleware import holds_personal_data
from tests.test_url_access import ALL_NAMES, ENTRIES, NOT_WALKED, world  # noqa: F401  (world is a fixture)

WALKED = [name for name in ALL_NAMES if name not in NOT_WALKED]


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["staff", "supervisor", "participant"])
def test_every_page_for_a_logged_in_user_is_no_store(client, world, role):  # noqa: F811
    client.force_login(world.users[role])
    cached = []
    for name in WALKED:
        access = ENTRIES[name]
        if role not in access.allowed:
            continue
        response = client.get(reverse(name, kwargs=access.kwargs(world)) + access.query)
        if not _no_store(response):
            cached.append(f"{name} ({response.status_code}, {response.get('Content-Type')})")
    assert not cached, "Responses without no-store: " + ", ".join(cached)


@pytest.mark.django_db
def test_public_certificate_check_is_no_store(client, world):  # noqa: F811
    found = client.get(reverse("certificates:verify_code", kwargs={"code": world.certificate.verification_code}))
    assert found.status_code == 200 and _no_store(found)
    assert _no_store(client.get(reverse("certificates:verify")))


@pytest.mark.parametrize(
    ("content_type", "disposition"),
    [
        ("application/pdf", ""),
        ("application/zip", ""),
        ("text/csv; charset=utf-8", ""),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ""),
        ("application/vnd.oasis.opendocument.spreadsheet", ""),
        ("text/plain", 'attachment; filename="liste.txt"'),
    ],
)
def test_every_file_download_counts_as_personal_data(content_type, disposition):
    request = RequestFactory().get("/")
    response = HttpResponse(b"", content_type=content_type)
    if disposition:
        response["Content-Disposition"] = disposition
    assert holds_personal_data(request, response)


@pytest.mark.django_db
def test_content_security_policy_allows_no_inline_code(client, staff):
    client.force_login(staff)
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["staff", "supervisor", "participant"])
def test_pages_have_no_inline_script_style_or_event_handler(client, world, role):  # noqa: F811
    """What the policy would block: <script> without src, style="…", on…= handlers."""
    client.force_login(world.users[role])
    offending = []
    pattern = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=\"|\son[a-z]+=\"", re.I)
    for name in WALKED:
        access = ENTRIES[name]
        if role not in access.allowed or access.allowed_status != 200:
            continue
        response = client.get(reverse(name, kwargs=access.kwargs(world)) + access.query)
        if response.get("Content-Type", "").startswith("text/html"):
            match = pattern.search(response.content.decode())
            if match:
                offending.append(f"{name}: {match.group(0)}")
    assert not offending, offending
