"""Numbers as the reader writes them."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import get_format


def hours_text(minutes: int, *, places: int) -> str:
    """Minutes as hours with at most ``places`` decimals and no trailing zeros, with the decimal separator of the
    active language: 90 -> "1,5" in German, "1.5" in English; 600 -> "10". Hours of a placement or a course stay
    below a thousand, so there is no grouping and the separator is the only local part."""
    text = f"{minutes / 60:.{places}f}".rstrip("0").rstrip(".")
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))


def decimal_text(value, places: int = 1) -> str:
    """A number with exactly ``places`` decimals (half up) and the decimal separator of the active language:
    teaching units "96,0" in German, "96.0" in English, whether the value is a Decimal, a float or the text a
    frozen snapshot keeps ("96.0"). The one format for units and percentages on every page; '' for nothing."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{rounded:.{places}f}".replace(".", get_format("DECIMAL_SEPARATOR"))
