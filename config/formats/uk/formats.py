# Dates DD.MM.YYYY and times HH:MM as on every page (config/formats/de); decimal comma as Ukrainians write it.
from config.formats.de.formats import *  # noqa: F403

THOUSAND_SEPARATOR = "\xa0"
