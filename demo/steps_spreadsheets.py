"""Demo part of the spreadsheets app: the running cohort's list arrived from the Jobcenter as a spreadsheet,
went through preview and confirmation; a second upload was a photo and was refused. Both appear in the log."""

from spreadsheets import services


def _csv(rows: list[list[str]]) -> bytes:
    # As German Excel saves "CSV UTF-8": byte order mark, semicolons, CRLF.
    return ("\ufeff" + "\r\n".join(";".join(row) for row in rows) + "\r\n").encode("utf-8")


def build_import_log(world) -> None:
    running = world.cohorts[-1]
    known = running.enrolments.select_related("participant").order_by("participant__name_key")[:2]
    rows = [["Nachname", "Vorname", "Geburtsdatum", "Kundennummer", "Telefon", "Deutschniveau"]]
    for enrolment in known:  # the Jobcenter's list repeats two people already enrolled, one with a new phone
        person = enrolment.participant
        rows.append(
            [
                person.family_name,
                person.given_name,
                person.date_of_birth.strftime("%d.%m.%Y"),
                person.jobcenter_customer_number,
                person.phone if len(rows) > 1 else "02594 77310",
                person.german_level,
            ]
        )
    rows.append(["Haddad", "Yasmin", "14.09.1993", "362D480215", "02594 88102", "B1"])
    record = services.import_upload(
        cohort=running,
        by=world.staff_user,
        file_name=f"Jobcenter Teilnehmerliste {running.number}.csv",
        data=_csv(rows),
    )
    record = services.import_confirm(record=record, by=world.staff_user)
    services.import_upload(
        cohort=running, by=world.staff_user, file_name="Foto Anmeldebogen.jpg", data=b"\xff\xd8\xff\xe0" + bytes(512)
    )
    world.summary.append(
        f"Import log: {record.file_name} ({record.rows_new} new, {record.rows_updated} updated), one refused upload"
    )


STEPS = [build_import_log]
