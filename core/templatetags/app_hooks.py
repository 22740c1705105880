"""``{% app_hooks "slot" %}``: every installed app's ``<app>/hooks/<slot>.html``, in the order of the installed
apps, each rendered with the page's context as ``{% include %}`` would (core/hooks.py)."""

from django import template
from django.utils.safestring import mark_safe

from core.hooks import hook_templates

register = template.Library()


@register.simple_tag(takes_context=True)
def app_hooks(context, slot: str):
    engine = context.template.engine
    # Templates looked up once per page render, as {% include %} keeps them in the render context.
    cache = context.render_context.dicts[0].setdefault("core.app_hooks", {})
    parts = []
    for name in hook_templates(slot, engine):
        hook = cache.get(name)
        if hook is None:
            hook = cache[name] = engine.get_template(name)
        parts.append(hook.render(context))
    return mark_safe("".join(parts))  # each part is a template's own (auto-escaped) output
