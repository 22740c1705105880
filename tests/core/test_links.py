from django.urls import reverse

from core.links import pk_link


def test_pk_link_gives_what_reverse_gives():
    link = pk_link("certificates:download")
    for pk in (1, 42, 987654321, 10**12):
        assert link(pk) == reverse("certificates:download", kwargs={"pk": pk})
