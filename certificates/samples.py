"""A realistic snapshot for the benchmark and the renderer tests (no database needed)."""

import copy

from .qr import qr_rows_for

SAMPLE_SNAPSHOT = {
    "template_version": 1,
    "language": "de",
    "number": "IB-2026-0042",
    "verification_code": "7K3QH9M2XR4TJW8P",
    "verification_url": "http://127.0.0.1:8000/zertifikate/pruefen/7K3QH9M2XR4TJW8P/",
    "issued_at": "2026-07-01T08:30:00+00:00",
    "issued_on": "2026-07-01",
    "organisation": {
        "name": "AWO Unterbezirk Münsterland-Recklinghausen",
        "address": "Clemens-Höffe-Straße 2\n45657 Recklinghausen",
    },
    "funding_body": "Kreisjobcenter Coesfeld",
    "partners": "Kommunales Integrationszentrum Kreis Coesfeld",
    "measure_number": "962/0188/26",
    "site": {"name": "Dülmen"},
    "participant": {"full_name": "Nguyễn Thị Lan", "date_of_birth": "1988-03-09"},
    "programme": {"title": "Integrationsbegleiter:in in Kitas"},
    "cohort": {"number": "2026-1", "start_date": "2026-02-02", "end_date": "2026-06-26"},
    "modules": [
        {"position": 1, "title": "Bildungsgrundsätze NRW", "planned_units": 120, "attended_units": "112"},
        {"position": 2, "title": "Kinderrechte", "planned_units": 60, "attended_units": "60"},
        {"position": 3, "title": "Kindeswohl", "planned_units": 60, "attended_units": "54.5"},
    ],
    "placement": {
        "facility_type": "kita",
        "facility_type_label": {"de": "Kita (Kindertageseinrichtung)", "en": "Kita (day-care centre)"},
        "confirmed_minutes": 5520,
        "required_minutes": 5400,
    },
    "signatory": {"name": "Anna Schulte"},
    "qr_rows": qr_rows_for("http://127.0.0.1:8000/zertifikate/pruefen/7K3QH9M2XR4TJW8P/"),
}


def sample_snapshot(**overrides) -> dict:
    snapshot = copy.deepcopy(SAMPLE_SNAPSHOT)
    snapshot.update(overrides)
    return snapshot
