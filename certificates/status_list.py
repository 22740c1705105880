"""The W3C Bitstring Status List (v1.0) each organisation publishes for its credentials' revocation.

A credential's place in its organisation's list is the certificate's primary key, so nothing is stored:
the list is computed from the certificates' statuses whenever it is asked for, and is correct by
construction. A revoked or superseded certificate has its bit set. Statuses only ever move away from
"valid", so the number of certificates that are no longer valid (with the list's length) identifies a
version of the list; the encoded and signed list is cached under that key and recomputed after any change.
"""

from __future__ import annotations

import base64
import gzip

from django.core.cache import cache
from django.db.models import Count, Max, Q

from .models import Certificate, CertificateStatus

MIN_BITS = 131_072  # the specification's minimum (16 KiB), so one credential's bit says little about a person
CACHE_SECONDS = 24 * 60 * 60


def list_length(highest_index: int) -> int:
    """Whole multiples of the minimum size, so a list only ever grows and every index stays in place."""
    blocks = highest_index // MIN_BITS + 1
    return blocks * MIN_BITS


def encode(set_indexes, length: int) -> str:
    """The bits (index 0 is the left-most bit of the first byte), gzip-compressed, base64url without
    padding, with the multibase prefix "u"."""
    bits = bytearray(length // 8)
    for index in set_indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same statuses give the same bytes.
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("Not a multibase base64url string.")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def bit_is_set(encoded: str, index: int) -> bool:
    bits = decode(encoded)
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _organisation_certificates(organisation_id: int):
    return Certificate.objects.filter(enrolment__cohort__site__organisation_id=organisation_id)


def list_version(organisation_id: int) -> tuple[int, int]:
    """(certificates no longer valid, list length): one aggregate query."""
    figures = _organisation_certificates(organisation_id).aggregate(
        changed=Count("pk", filter=~Q(status=CertificateStatus.VALID)), highest=Max("pk")
    )
    return figures["changed"], list_length(figures["highest"] or 0)


def encoded_list(organisation_id: int) -> tuple[str, tuple[int, int]]:
    version = list_version(organisation_id)
    key = f"certificates:status-list:{organisation_id}:{version[0]}:{version[1]}"
    encoded = cache.get(key)
    if encoded is None:
        indexes = (
            _organisation_certificates(organisation_id)
            .exclude(status=CertificateStatus.VALID)
            .values_list("pk", flat=True)
        )
        encoded = encode(indexes, version[1])
        cache.set(key, encoded, CACHE_SECONDS)
    return encoded, version
