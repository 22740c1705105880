"""Reading and extending the gettext catalogues for the participant languages, without extra packages.

``add_missing(keys)`` appends every participant message a language lacks to the catalogue of the app that
owns its German entry (``<app>/locale/<lang>/LC_MESSAGES/django.po``, created with a header if new), with
an empty translation for a native speaker to fill in (docs/languages.md). The test calls it when run with
``WRITE_MISSING_MSGIDS=1``."""

import re
from pathlib import Path

from django.conf import settings

from core.languages import PARTICIPANT_ONLY_LANGUAGES

ROOT = Path(settings.BASE_DIR)
PLURAL_FORMS = {
    "uk": "nplurals=4; plural=(n % 1 == 0 && n % 10 == 1 && n % 100 != 11 ? 0 : n % 1 == 0 && n % 10 >= 2 && "
    "n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : n % 1 == 0 && (n % 10 ==0 || (n % 10 >=5 && n % 10 "
    "<=9) || (n % 100 >=11 && n % 100 <=14 )) ? 2: 3);",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && "
    "n%100<=99 ? 4 : 5;",
    "tr": "nplurals=2; plural=(n != 1);",
    "fa": "nplurals=2; plural=(n > 1);",
}
_STRING = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$')


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def parse_po(path: Path) -> list[dict]:
    """Entries as dicts with msgctxt, msgid, msgid_plural, msgstr (a list), flags."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry is not None and "msgid" in entry:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry if entry is not None else {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = _STRING.match(line)
        if match:
            field, text = match.group(1), _unquote(match.group(2))
        elif line.startswith('"') and field:
            text = _unquote(line.strip()[1:-1])
        else:
            continue
        if field.startswith("msgstr"):
            index = int(field[7:-1]) if "[" in field else 0
            entry["msgstr"][index] = entry["msgstr"].get(index, "") + text
        else:
            entry[field] = entry.get(field, "") + text
    return entries


def key_of(entry: dict):
    msgid = f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]
    return (msgid, 0) if "msgid_plural" in entry else msgid


def app_catalogues() -> list[Path]:
    """The project's and each app's locale folder, in the order Django looks a message up: LOCALE_PATHS first,
    then the apps in INSTALLED_APPS order (the first that has the message wins)."""
    from django.apps import apps

    folders = [Path(path) for path in settings.LOCALE_PATHS]
    folders += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    ours = [folder for folder in folders if folder.is_relative_to(ROOT) and ".venv" not in folder.parts]
    return [folder for folder in ours if (folder / "de/LC_MESSAGES/django.po").exists()]


def owners(keys) -> dict:
    """key -> (locale folder, German entry) for every key a German catalogue holds, where Django finds it."""
    found = {}
    for folder in app_catalogues():
        for entry in parse_po(folder / "de/LC_MESSAGES/django.po"):
            key = key_of(entry)
            if key in keys and key not in found:
                found[key] = (folder, entry)
    return found


def header(language: str) -> str:
    return (
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: integrationsbegleitung\\n"\n'
        '"PO-Revision-Date: 2026-12-05 00:00+0100\\n"\n'
        f'"Last-Translator: see docs/languages.md\\n"\n'
        f'"Language-Team: {language}\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        f'"Language: {language}\\n"\n'
        f'"Plural-Forms: {PLURAL_FORMS[language]}\\n"\n'
    )


def entry_text(entry: dict, translations: list[str], plurals: int) -> str:
    lines = []
    if "fuzzy" in entry.get("flags", ()) and not translations:
        pass
    flags = sorted(flag for flag in entry.get("flags", set()) if flag.endswith("-format"))
    if flags:
        lines.append("#, " + ", ".join(flags))
    if "msgctxt" in entry:
        lines.append(f'msgctxt "{_quote(entry["msgctxt"])}"')
    lines.append(f'msgid "{_quote(entry["msgid"])}"')
    if "msgid_plural" in entry:
        lines.append(f'msgid_plural "{_quote(entry["msgid_plural"])}"')
        for index in range(plurals):
            text = translations[min(index, len(translations) - 1)] if translations else ""
            lines.append(f'msgstr[{index}] "{_quote(text)}"')
    else:
        lines.append(f'msgstr "{_quote(translations[0] if translations else "")}"')
    return "\n".join(lines) + "\n"


def add_missing(keys, languages=PARTICIPANT_ONLY_LANGUAGES) -> int:
    """Appends an untranslated entry for each key a language's catalogue lacks; returns how many."""
    added = 0
    for key, (folder, entry) in sorted(owners(keys).items(), key=lambda item: str(item[0])):
        for language in languages:
            path = folder / language / "LC_MESSAGES" / "django.po"
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(header(language), encoding="utf-8")
            if key in {key_of(known) for known in parse_po(path)}:
                continue
            plurals = int(re.search(r"nplurals=(\d)", PLURAL_FORMS[language]).group(1))
            with path.open("a", encoding="utf-8") as file:
                file.write("\n" + entry_text(entry, [], plurals))
            added += 1
    return added
