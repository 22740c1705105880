# Dates DD.MM.YYYY and times HH:MM as on every page (config/formats/de); decimal comma as Turkish writes it.
from config.formats.de.formats import *  # noqa: F403
