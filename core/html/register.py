"""The attendance register's rows (``courses.attendance_forms.RegisterForm.html_rows``; twin: the template
that rendered each BoundField, tests/core/test_html_register.py): one ``<fieldset>`` per person with the
attendance code as radio buttons, minutes late and left early, and a note."""

from django.utils.safestring import SafeString

from . import escape

# Every placeholder is filled with text escaped by core.html.escape, or with markup written here.
_RADIO = (
    '<input type="radio" class="btn-check" name="{name}" id="{id}_{index}" value="{value}" autocomplete="off"{checked}>'
    '<label class="btn btn-outline-{colour} btn-touch" for="{id}_{index}" title="{label}">{text}</label>'
)
_MINUTES = (
    '<div class="col-6 col-lg-2"><label class="form-label small mb-0" for="{id}">{label}</label>'
    '<input type="number" min="0" inputmode="numeric" class="form-control form-control-sm{invalid}" name="{name}"'
    ' id="{id}" value="{value}"{aria}></div>'
)
_ERROR = '<div class="col-12 text-danger small" id="{id}_error">{message}</div>'
_ROW = (
    '<fieldset class="list-group-item{invalid}"><legend class="fs-6 fw-semibold mb-1">{name}</legend>'
    '<div class="row g-2 align-items-end">'
    '<div class="col-12 col-lg-5"><div class="btn-group flex-wrap" role="radiogroup" aria-label="{group_label}">'
    "{radios}</div></div>{late}{early}{note}{errors}</div></fieldset>"
)
_TEXT = (
    '<div class="col-12 col-lg-3"><label class="form-label small mb-0" for="{id}">{label}</label>'
    '<input type="text" maxlength="200" class="form-control form-control-sm{invalid}" name="{name}"'
    ' id="{id}" value="{value}"{aria}></div>'
)
_KINDS = ("status", "late", "early", "note")


def register_rows(form, *, choices, colours: dict, present, words: dict):
    """One safe ``<fieldset>`` per ``(enrolment, record)`` of ``form.rows``. ``form`` is the bound or unbound
    RegisterForm (its prefix, auto_id, errors and shown values); ``choices`` the codes with their labels,
    ``colours`` a button colour per code (others "secondary"), ``present`` the code written out in full,
    ``words`` the translated "group" (with %(name)s), "late", "early" and "note"."""
    errors = form.errors
    # Escaping works character by character, so the escaped id pattern filled with an escaped name is
    # the escaped id.
    id_pattern = escape(form.auto_id) if "%s" in str(form.auto_id) else "%s"
    group_label = words["group"]
    labels = {kind: escape(words[kind]) for kind in ("late", "early", "note")}
    radio_choices = []
    for index, (value, label) in enumerate(choices):
        label = escape(label)
        radio_choices.append(
            {
                "index": index,
                "code": value,
                "value": escape(value),
                "colour": colours.get(value, "secondary"),
                "label": label,
                # "present" is written out; the codes carry their meaning for screen readers.
                "text": label
                if value == present
                else f'{escape(value)}<span class="visually-hidden"> – {label}</span>',
            }
        )
    for enrolment, _record in form.rows:
        participant = enrolment.participant
        fields = {kind: form.add_prefix(f"{kind}-{enrolment.pk}") for kind in _KINDS}
        names = {kind: escape(field) for kind, field in fields.items()}
        ids = {kind: id_pattern % name for kind, name in names.items()}
        checked = str(form.shown_value(fields["status"]))
        radios = "".join(
            _RADIO.format(
                name=names["status"],
                id=ids["status"],
                checked=" checked" if checked == choice["code"] else "",
                **choice,
            )
            for choice in radio_choices
        )
        error_lines = "".join(
            _ERROR.format(id=ids[kind], message=escape(message))
            for kind in _KINDS
            for message in errors.get(fields[kind], ())
        )
        aria = {
            kind: f' aria-invalid="true" aria-describedby="{ids[kind]}_error"' if fields[kind] in errors else ""
            for kind in ("late", "early", "note")
        }
        minutes = {
            kind: _MINUTES.format(
                id=ids[kind],
                label=labels[kind],
                name=names[kind],
                value=escape(form.shown_value(fields[kind])),
                invalid=" is-invalid" if fields[kind] in errors else "",
                aria=aria[kind],
            )
            for kind in ("late", "early")
        }
        note = _TEXT.format(
            id=ids["note"], label=labels["note"], name=names["note"], value=escape(form.shown_value(fields["note"])),
            invalid=" is-invalid" if fields["note"] in errors else "", aria=aria["note"]
        )  # fmt: skip
        yield SafeString(
            _ROW.format(
                invalid=" border-danger" if error_lines else "", name=escape(participant.sortable_name),
                group_label=escape(group_label % {"name": participant.full_name}), radios=radios,
                late=minutes["late"], early=minutes["early"], note=note, errors=error_lines
            )
        )  # fmt: skip
