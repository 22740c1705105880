"""core.html.register writes the register's rows exactly as a template over the form's BoundFields does
(its template twin below): names, ids, values, labels, escaping, the checked code and the error texts."""

import re
from types import SimpleNamespace

from django.template import Context, Template

from courses.attendance_forms import RegisterForm
from courses.models import AttendanceStatus

TWIN = Template(
    "{% for row in rows %}"
    '<fieldset class="list-group-item{% if row.errors %} border-danger{% endif %}">'
    '<legend class="fs-6 fw-semibold mb-1">{{ row.name }}</legend><div class="row g-2 align-items-end">'
    '<div class="col-12 col-lg-5"><div class="btn-group flex-wrap" role="radiogroup" aria-label="{{ row.group }}">'
    "{% for code, label, colour in choices %}"
    '<input type="radio" class="btn-check" name="{{ row.status.html_name }}" id="{{ row.status.auto_id }}_'
    '{{ forloop.counter0 }}" value="{{ code }}" autocomplete="off"{% if row.checked == code %} checked{% endif %}>'
    '<label class="btn btn-outline-{{ colour }} btn-touch" for="{{ row.status.auto_id }}_{{ forloop.counter0 }}"'
    ' title="{{ label }}">{% if code == "P" %}{{ label }}{% else %}{{ code }}'
    '<span class="visually-hidden"> – {{ label }}</span>{% endif %}</label>{% endfor %}</div></div>'
    "{% for field, label in row.minutes %}"
    '<div class="col-6 col-lg-2"><label class="form-label small mb-0" for="{{ field.auto_id }}">{{ label }}</label>'
    '<input type="number" min="0" inputmode="numeric" class="form-control form-control-sm'
    '{% if field.errors %} is-invalid{% endif %}" name="{{ field.html_name }}" id="{{ field.auto_id }}"'
    ' value="{{ field.value|default_if_none:"" }}"{% if field.errors %} aria-invalid="true"'
    ' aria-describedby="{{ field.auto_id }}_error"{% endif %}></div>{% endfor %}'
    '<div class="col-12 col-lg-3"><label class="form-label small mb-0" for="{{ row.note.auto_id }}">Note</label>'
    '<input type="text" maxlength="200" class="form-control form-control-sm{% if row.note.errors %} is-invalid'
    '{% endif %}" name="{{ row.note.html_name }}" id="{{ row.note.auto_id }}"'
    ' value="{{ row.note.value|default_if_none:"" }}"{% if row.note.errors %} aria-invalid="true"'
    ' aria-describedby="{{ row.note.auto_id }}_error"{% endif %}></div>'
    "{% for field in row.fields %}{% for error in field.errors %}"
    '<div class="col-12 text-danger small" id="{{ field.auto_id }}_error">{{ error }}</div>'
    "{% endfor %}{% endfor %}</div></fieldset>{% endfor %}"
)
COLOURS = {"P": "success", "UE": "danger"}


def person(pk, given, family):
    participant = SimpleNamespace(full_name=f"{given} {family}", sortable_name=f"{family}, {given}")
    return SimpleNamespace(pk=pk, participant=participant), None


def twin(form):
    rows = []
    for enrolment, _record in form.rows:
        status, late, early, note = (form[f"{kind}-{enrolment.pk}"] for kind in ("status", "late", "early", "note"))
        rows.append(
            {
                "name": enrolment.participant.sortable_name,
                "group": f"Attendance of {enrolment.participant.full_name}",
                "status": status,
                "checked": str(status.value()),
                "minutes": [(late, "Late (min)"), (early, "Early (min)")],
                "note": note,
                "fields": [status, late, early, note],
                "errors": any(field.errors for field in (status, late, early, note)),
            }
        )
    choices = [(code, label, COLOURS.get(code, "secondary")) for code, label in AttendanceStatus.choices]
    return TWIN.render(Context({"rows": rows, "choices": choices}))


def ours(form):
    return "".join(form.html_rows())


ROWS = [person(7, "Savaş", "Yılmaz"), person(8, 'Amal "<b>"', "Al-Hassan & Söhne")]
SESSION = SimpleNamespace(duration_minutes=180)


def test_unbound_rows_are_the_twins():
    form = RegisterForm(session=SESSION, rows=ROWS, initial={"note-8": "<i>krank</i> & 'müde'", "late-7": 5})
    assert ours(form) == twin(form)
    assert "&lt;i&gt;krank&lt;/i&gt; &amp; &#x27;müde&#x27;" in ours(form)


def test_refused_rows_show_what_was_typed_and_the_errors_as_the_twin():
    data = {"status-7": "K", "late-7": "10", "early-7": "", "note-7": "", "status-8": "P", "late-8": "<x>"}
    form = RegisterForm(data, session=SESSION, rows=ROWS)
    assert not form.is_valid()
    assert ours(form) == twin(form)
    assert re.search(r'aria-describedby="id_late-7_error"', ours(form))
