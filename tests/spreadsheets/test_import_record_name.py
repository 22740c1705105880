"""An import record is named by its upload time in Berlin time, as every page shows it, not in stored UTC."""

import datetime

from spreadsheets.models import ImportRecord


def test_import_record_name_shows_berlin_time():
    late_evening_utc = datetime.datetime(2026, 12, 3, 23, 30, tzinfo=datetime.UTC)  # 00:30 on 4.12. in Berlin
    record = ImportRecord(file_name="Jobcenter-Liste.xlsx", created_at=late_evening_utc)
    assert str(record) == "Jobcenter-Liste.xlsx (04.12.2026 00:30)"
