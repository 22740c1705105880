"""The fixed wording of every document, by wording version and kind of document.

Not gettext: an issued document must keep the words it was issued with, whatever later happens to the
translation catalogue or to this file's newer versions. A version, once documents were issued with it, is
never edited; a change of wording (a revised Bildungsgrundsätze text, a new sentence) is a new version,
added here and registered with its renderer in ``certificates.pdf.RENDERERS``.
"""

# Version 1 (until December 2026): the Zertifikat only.
CERTIFICATE_V1 = {
    "de": {
        "title": "Zertifikat",
        "funded_by": "Gefördert durch",
        "partners": "In Kooperation mit",
        "born": "geboren am {date}",
        "intro": "hat an der Qualifizierungsmaßnahme",
        "period": "vom {start} bis {end} in {place} erfolgreich teilgenommen.",
        "measure_number": "Maßnahmenummer {number}",
        "contents": "Inhalte",
        "module": "Modul",
        "units": "Unterrichtseinheiten",
        "units_value": "{attended} von {planned}",
        "units_note": "Eine Unterrichtseinheit (UE) umfasst 45 Minuten. Versäumte Stunden sind abgezogen.",
        "total": "Gesamt",
        "placement": "Praxisphase (Praktikum)",
        "facility_type": "Art der Einrichtung",
        "placement_hours": "Von der Praxisanleitung bestätigte Stunden",
        "no_placement": "Keine Praxisphase.",
        "place_date": "{place}, {date}",
        "signature": "Unterschrift",
        "for": "für {organisation}",
        "number": "Zertifikat Nr. {number}",
        "verify": "Echtheit prüfen: QR-Code scannen oder unter {url} Nummer und Prüfcode eingeben.",
        "code": "Prüfcode {code}",
        "pdf_title": "Zertifikat {number}",
    },
    "en": {
        "title": "Certificate",
        "funded_by": "Funded by",
        "partners": "In cooperation with",
        "born": "born on {date}",
        "intro": "has successfully completed the training programme",
        "period": "from {start} to {end} in {place}.",
        "measure_number": "Measure number {number}",
        "contents": "Contents",
        "module": "Module",
        "units": "Teaching units",
        "units_value": "{attended} of {planned}",
        "units_note": "One teaching unit lasts 45 minutes. Missed hours have been deducted.",
        "total": "Total",
        "placement": "Practical placement",
        "facility_type": "Type of facility",
        "placement_hours": "Hours confirmed by the placement supervisor",
        "no_placement": "No practical placement.",
        "place_date": "{place}, {date}",
        "signature": "Signature",
        "for": "for {organisation}",
        "number": "Certificate no. {number}",
        "verify": "Check authenticity: scan the QR code or enter number and code at {url}.",
        "code": "Verification code {code}",
        "pdf_title": "Certificate {number}",
    },
}

# Version 2 (from December 2026): the Zertifikat names what it certifies (every module's minimum attendance
# and the confirmed placement hours); the Teilnahmebescheinigung is added.
CERTIFICATE_V2 = {
    "de": {
        **CERTIFICATE_V1["de"],
        "criteria": "Die Mindestanwesenheit wurde in jedem Modul erreicht, die geforderten Praxisstunden sind "
        "von der Praxisanleitung bestätigt.",
        "criteria_no_placement": "Die Mindestanwesenheit wurde in jedem Modul erreicht.",
    },
    "en": {
        **CERTIFICATE_V1["en"],
        "criteria": "The minimum attendance was reached in every module and the required placement hours were "
        "confirmed by the placement supervisor.",
        "criteria_no_placement": "The minimum attendance was reached in every module.",
    },
}

ATTENDANCE_V2 = {
    "de": {
        **CERTIFICATE_V1["de"],
        "title": "Teilnahmebescheinigung",
        "kicker": "Bescheinigung über die Teilnahme",
        "not_a_certificate": "Diese Bescheinigung bestätigt die Teilnahme. Sie ist kein Zertifikat und enthält "
        "keine Bewertung.",
        "intro": "hat an der Maßnahme",
        "period": "vom {start} bis {end} in {place} teilgenommen.",
        "left": "Die Teilnahme endete vorzeitig am {date}.",
        "course_period": "Dauer der Maßnahme: {start} bis {end}",
        "contents": "Besuchte Inhalte",
        "units": "Teilgenommene UE",
        "units_value": "{attended} von {planned}",
        "units_note": "Eine Unterrichtseinheit (UE) umfasst 45 Minuten. Angegeben sind die tatsächlich "
        "besuchten Einheiten.",
        "placement_hours": "Bestätigte Praxisstunden",
        "no_placement": "Keine bestätigten Praxisstunden.",
        "number": "Teilnahmebescheinigung Nr. {number}",
        "pdf_title": "Teilnahmebescheinigung {number}",
    },
    "en": {
        **CERTIFICATE_V1["en"],
        "title": "Certificate of Attendance",
        "kicker": "Confirmation of participation",
        "not_a_certificate": "This document confirms attendance only. It is not a certificate of successful "
        "completion and contains no assessment.",
        "intro": "took part in the programme",
        "period": "from {start} to {end} in {place}.",
        "left": "Participation ended early on {date}.",
        "course_period": "Duration of the programme: {start} to {end}",
        "contents": "Contents attended",
        "units": "Units attended",
        "units_value": "{attended} of {planned}",
        "units_note": "One teaching unit lasts 45 minutes. The units shown are those actually attended.",
        "placement_hours": "Confirmed placement hours",
        "no_placement": "No confirmed placement hours.",
        "number": "Certificate of attendance no. {number}",
        "pdf_title": "Certificate of attendance {number}",
    },
}

# Marks drawn over a document downloaded after it stopped being valid; both languages on every copy.
MARKS = {
    "revoked": "WIDERRUFEN am {date} / REVOKED on {date}",
    "superseded": "ERSETZT durch {number} / SUPERSEDED by {number}",
}
