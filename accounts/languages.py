"""The page language per person: the menu's choice is saved on the user (``preferred_language``, which the
e-mails and notifications use too) and applied to every page by ``UserLanguageMiddleware``; visitors who are
not logged in keep theirs in Django's language cookie (docs/languages.md)."""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.utils import translation
from django.views.i18n import set_language

from core.languages import language_for, languages_for


class UserLanguageMiddleware:
    """After the authentication middleware: a logged-in user's saved language wins over the browser's, and
    staff and supervisors are kept to the languages their pages are translated into."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = language_for(user, translation.get_language())
        if language != translation.get_language():
            translation.activate(language)
        request.LANGUAGE_CODE = language
        return self.get_response(request)


def set_language_view(request):
    """The menu's language form: Django's view (cookie and redirect back) after saving the choice on the
    user. A language not offered to this user is ignored, as Django ignores an unknown one."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    code = request.POST.get("language", "")
    user = request.user
    if code not in languages_for(user):
        request.POST = request.POST.copy()
        request.POST["language"] = ""
    elif user.is_authenticated and user.preferred_language != code:
        user.preferred_language = code
        user.save(update_fields=["preferred_language"])
    return set_language(request)


def keep_language_chosen_before_log_in(sender, request, user, **kwargs):
    """A person who chose a language on the log-in page (the cookie) and has saved none keeps it as theirs,
    so their e-mails and notifications come in it too."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "") if request is not None else ""
    if not user.preferred_language and chosen in languages_for(user) and chosen != settings.LANGUAGE_CODE:
        user.preferred_language = chosen
        user.save(update_fields=["preferred_language"])
