from django import template
from django.utils.html import format_html

from core import dates, numbers
from core.languages import NAMES, languages_for

register = template.Library()

_SELECTS = {"select", "selectmultiple", "nullbooleanselect", "longselect"}


@register.simple_tag
def widget(field, **attrs):
    """A form field's widget with Bootstrap classes and the ARIA links to its help and error texts."""
    kind = field.widget_type
    css = "form-select" if kind in _SELECTS else "form-control"
    if kind in {"checkbox", "radioselect", "checkboxselectmultiple"}:
        css = "form-check-input"
    if field.errors:
        css += " is-invalid"
        attrs.setdefault("aria-invalid", "true")
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    existing = field.field.widget.attrs.get("class", "")
    attrs["class"] = f"{existing} {css} {attrs.get('class', '')}".strip()
    return field.as_widget(attrs=attrs)


@register.filter
def percent_of(part, whole):
    try:
        return min(100, round(100 * float(part) / float(whole))) if whole else 0
    except (TypeError, ValueError):
        return 0


@register.filter
def hours(minutes):
    """Integer minutes as hours, one decimal at most, as the reader writes numbers: 90 -> '1,5' in German."""
    if minutes is None:
        return "–"
    return numbers.hours_text(minutes, places=1)


@register.filter
def decimal(value, places=1):
    """{{ units|decimal }}: a number with one decimal (or ``decimal:0``) as the reader writes numbers
    (core.numbers.decimal_text): "96,0" in German, "96.0" in English."""
    return numbers.decimal_text(value, int(places))


@register.filter(expects_localtime=True)
def short_date(value):
    """DD.MM.YYYY (core.dates.short_date). A moment (issued at, revoked at) is shown on its day in Europe/Berlin:
    ``expects_localtime`` converts it first, so a certificate issued at 00:30 is not dated the day before."""
    return dates.short_date(value)


@register.filter(expects_localtime=True)
def short_time(value):
    """HH:MM (core.dates.short_time), the TIME_FORMAT of both languages."""
    return dates.short_time(value)


@register.simple_tag
def language_menu(user):
    """{% language_menu user as languages %}: (code, name in that language) for the menu, as offered to this
    user (core.languages: six for participants and visitors, German and English for staff)."""
    return [(code, NAMES[code]) for code in languages_for(user)]


@register.filter
def bdi(value):
    """{{ name|bdi }}: a name, number or date isolated from the text around it, so a Latin-script value keeps
    its own direction inside a right-to-left sentence (and an Arabic name inside a German one)."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)
