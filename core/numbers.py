"""Numbers as the reader writes them."""

from django.utils.formats import get_format


def hours_text(minutes: int, *, places: int) -> str:
    """Minutes as hours with at most ``places`` decimals and no trailing zeros, with the decimal separator of the
    active language: 90 -> "1,5" in German, "1.5" in English; 600 -> "10". Hours of a placement or a course stay
    below a thousand, so there is no grouping and the separator is the only local part."""
    text = f"{minutes / 60:.{places}f}".rstrip("0").rstrip(".")
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))
