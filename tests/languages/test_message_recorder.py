"""The recorder behind the participant catalogue test sees every way a page looks a message up: template tags,
lazy strings (model labels, form labels), plurals and contexts; and it lets go of Django's functions after."""

from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext_lazy, ngettext, pgettext

from .participant_msgids import Recorder


def test_recorder_sees_templates_lazy_strings_plurals_and_contexts():
    recorder = Recorder()
    with translation.override("de"), recorder.recording():
        Template(
            "{% load i18n %}{% translate 'Your data' %}{% blocktranslate %}Hello, {{ name }}{% endblocktranslate %}"
        ).render(Context({"name": "Lan"}))
        str(gettext_lazy("Your attendance"))
        ngettext("%(n)s entry", "%(n)s entries", 2)
        pgettext("month", "May")
    assert {"Your data", "Hello, %(name)s", "Your attendance", ("%(n)s entry", 0), "month\x04May"} <= recorder.keys


def test_recorder_restores_the_translation_functions():
    before = translation._trans.gettext
    with Recorder().recording():
        assert translation._trans.gettext is not before
    assert translation.gettext("Your data") == translation._trans.gettext("Your data")
    recorder = Recorder()
    translation.gettext("Your data")
    assert not recorder.keys
