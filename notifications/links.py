"""The signed link in the supervisor digest: one placement's waiting entries, decided on a phone without a
log-in. django.core.signing does the cryptography (HMAC with SECRET_KEY, a timestamp for the expiry).

The link carries the supervisor, the placement and the ids of the entries that waited when it was sent:
it can only ever decide those. It stops working after SUPERVISOR_LINK_MAX_AGE_DAYS, once every one of its
entries is decided, and as soon as the supervisor no longer supervises the facility (checked on every use).
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from . import conf

SALT = "notifications.supervisor-link"


@dataclass(frozen=True)
class LinkScope:
    supervisor_id: int
    placement_id: int
    entry_ids: tuple[int, ...]


def max_age() -> datetime.timedelta:
    return datetime.timedelta(days=conf.supervisor_link_max_age_days())


def make_token(*, supervisor_id: int, placement_id: int, entry_ids) -> str:
    payload = {"s": supervisor_id, "p": placement_id, "e": sorted(int(pk) for pk in entry_ids)}
    return signing.dumps(payload, salt=SALT, compress=True)


def link_path(*, supervisor_id: int, placement_id: int, entry_ids) -> str:
    token = make_token(supervisor_id=supervisor_id, placement_id=placement_id, entry_ids=entry_ids)
    return reverse("notifications:supervisor_link", kwargs={"token": token})


def read_token(token: str) -> LinkScope:
    """The link's scope; raises signing.SignatureExpired or signing.BadSignature."""
    payload = signing.loads(token, salt=SALT, max_age=max_age())
    return LinkScope(int(payload["s"]), int(payload["p"]), tuple(int(pk) for pk in payload["e"]))
