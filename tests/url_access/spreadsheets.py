from . import allow


def extend_world(world):
    from spreadsheets import services
    from tests.spreadsheets.conftest import csv_bytes

    data = csv_bytes([["Nachname", "Vorname", "Geburtsdatum"], ["Kaya", "Zeynep", "02.03.1991"]])
    world.import_record = services.import_upload(
        cohort=world.cohort, by=world.users["staff"], file_name="liste.csv", data=data
    )


ENTRIES = {
    "spreadsheets:import_list": allow("staff", "other_staff"),  # the log is scoped, not refused
    "spreadsheets:import_detail": allow("staff", kwargs=lambda w: {"pk": w.import_record.pk}),
    "spreadsheets:import_upload": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk}),
    "spreadsheets:template": allow("staff", "other_staff", kwargs=lambda w: {"file_format": "xlsx"}),
    "spreadsheets:export_roster": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk, "file_format": "csv"}),
    "spreadsheets:export_attendance": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk, "file_format": "xlsx"}),
    "spreadsheets:export_hours": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk, "file_format": "csv"}),
    "spreadsheets:export_certificates": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk, "file_format": "xlsx"}),
}

# POST only (confirm or discard); tested in tests/spreadsheets/test_confirm_permissions.py.
NOT_WALKED = {"spreadsheets:import_confirm", "spreadsheets:import_discard"}
