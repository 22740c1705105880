"""Which languages the app speaks, to whom, and in which direction.

Participants (and visitors who are not logged in) read their pages in six languages; staff and supervisors
work in German or English, because their pages are translated only into English (docs/languages.md)."""

from django.conf import settings

# (code, the language's name in itself). "fa" is Django's code for Persian; the texts are written in Dari,
# the Persian of Afghanistan, which Iranian readers read as well.
NAMES = {
    "de": "Deutsch",
    "en": "English",
    "uk": "Українська",
    "ar": "العربية",
    "tr": "Türkçe",
    "fa": "دری (فارسی)",
}
PARTICIPANT_LANGUAGES = ("de", "en", "uk", "ar", "tr", "fa")
STAFF_LANGUAGES = ("de", "en")
# The languages whose participant pages are translated beside German and English (tests/languages).
PARTICIPANT_ONLY_LANGUAGES = tuple(code for code in PARTICIPANT_LANGUAGES if code not in STAFF_LANGUAGES)
RIGHT_TO_LEFT = frozenset({"ar", "fa"})


def languages_for(user) -> tuple[str, ...]:
    """The languages the menu offers ``user``: all six to participants and visitors, German and English to
    everyone whose pages are not translated further."""
    if user is None or not user.is_authenticated or getattr(user, "is_participant", False):
        return PARTICIPANT_LANGUAGES
    return STAFF_LANGUAGES


def language_for(user, requested: str | None) -> str:
    """The language a page is shown in: a logged-in user's saved choice, otherwise the one the browser or the
    cookie asked for, each only if it is offered to this user (else German, the default)."""
    offered = languages_for(user)
    if user is not None and user.is_authenticated:
        saved = getattr(user, "preferred_language", "")
        if saved in offered:
            return saved
    base = (requested or "").split("-")[0].lower()
    return base if base in offered else settings.LANGUAGE_CODE


def is_right_to_left(code: str | None) -> bool:
    return (code or "").split("-")[0] in RIGHT_TO_LEFT
