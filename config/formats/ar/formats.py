# Dates DD.MM.YYYY and times HH:MM as on every page (config/formats/de), in Latin digits inside <bdi> on
# right-to-left pages; a decimal point, as Arabic and Dari readers know it from Latin digits.
from config.formats.de.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
