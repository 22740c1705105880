"""Template hooks: the places where a lower app's page shows what higher apps add (the start pages, the
navigation, the cohort and participant pages).

A page names a *slot* (``{% load app_hooks %}{% app_hooks "cohort_actions_extra" %}``); every installed app
that has a template ``<app label>/hooks/<slot>.html`` (in the app: ``<app>/templates/<app>/hooks/<slot>.html``)
fills it, in the order of ``INSTALLED_APPS``. A new app only adds its hook files; no page names it. Which apps
fill a slot is found once per process and template engine, as Django's ``autodiscover_modules`` finds each
app's ``admin`` module once; the templates themselves come from the engine (cached by its loaders)."""

from django.apps import apps
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import TemplateDoesNotExist

_discovered: dict[tuple[object, str], tuple[str, ...]] = {}


def hook_template_name(app_label: str, slot: str) -> str:
    return f"{app_label}/hooks/{slot}.html"


def hook_templates(slot: str, engine) -> tuple[str, ...]:
    """The names of the templates that fill ``slot``, in the order of the installed apps."""
    key = (engine, slot)
    names = _discovered.get(key)
    if names is None:
        names = tuple(
            name
            for name in (hook_template_name(config.label, slot) for config in apps.get_app_configs())
            if _exists(engine, name)
        )
        _discovered[key] = names
    return names


def _exists(engine, name: str) -> bool:
    try:
        engine.find_template(name)
    except TemplateDoesNotExist:
        return False
    return True


@receiver(setting_changed)
def forget_hooks(*, setting, **kwargs):
    """Tests that change the installed apps or the template settings see the hooks those settings give."""
    if setting in {"INSTALLED_APPS", "TEMPLATES"}:
        _discovered.clear()
