"""Settings that must never reach production: checked at every start with DEBUG off.

Registered under the tag ``production`` rather than ``deploy``, so that ``manage.py check``, ``runserver`` and
``migrate`` refuse them without ``--deploy``; gunicorn runs no system checks of its own, so config/wsgi.py runs
this tag before it serves (``refuse_unsafe_start``). Each message says what to set (docs/security.md).
"""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register, run_checks
from django.core.management.base import SystemCheckError

TAG = "production"
DEVELOPMENT_SECRET_KEY = "insecure-development-key-only-for-the-local-demo"
UNSAFE_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "prints every e-mail, with names and reasons, into the log",
    "django.core.mail.backends.locmem.EmailBackend": "keeps e-mails in memory and never sends them",
    "django.core.mail.backends.filebased.EmailBackend": "writes every e-mail into files on the server",
}


def weak_secret_key(key: str) -> bool:
    """Django's own rule for a strong key (at least 50 characters, 5 different), and not a known default."""
    return (
        not key
        or key == DEVELOPMENT_SECRET_KEY
        or key.startswith("django-insecure-")
        or len(key) < 50
        or len(set(key)) < 5
    )


@register(TAG)
def production_settings(app_configs=None, **kwargs):
    if settings.DEBUG:
        return []
    errors = []
    if weak_secret_key(settings.SECRET_KEY):
        errors.append(
            Error(
                "SECRET_KEY is weak or a known default.",
                hint="Set SECRET_KEY to a random value of at least 50 characters, for example from "
                "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
                id="project.E001",
            )
        )
    if not settings.ALLOWED_HOSTS:
        errors.append(
            Error(
                "ALLOWED_HOSTS is empty, so every request would be refused.",
                hint="Set ALLOWED_HOSTS to the host names the application is reached under, e.g. kurse.example.org.",
                id="project.E002",
            )
        )
    if settings.EMAIL_BACKEND in UNSAFE_EMAIL_BACKENDS:
        errors.append(
            Error(
                f"EMAIL_BACKEND {settings.EMAIL_BACKEND} {UNSAFE_EMAIL_BACKENDS[settings.EMAIL_BACKEND]}.",
                hint="Set EMAIL_BACKEND to django.core.mail.backends.smtp.EmailBackend (the default with DEBUG off) "
                "and EMAIL_HOST and friends.",
                id="project.E003",
            )
        )
    if getattr(settings, "CERTIFICATE_TRUSTED_PROXIES", None) is None:
        errors.append(
            Error(
                "CERTIFICATE_TRUSTED_PROXIES is not set.",
                hint="Set it to the number of reverse proxies in front of the application: 0 if clients connect "
                "directly, 1 behind one load balancer. With the wrong number a few bad look-ups on the public "
                "certificate check block every employer, and the log-in lockout counts the proxy instead of the "
                "client.",
                id="project.E004",
            )
        )
    errors.extend(_static_manifest_errors())
    return errors


def _static_manifest_errors():
    backend = settings.STORAGES.get("staticfiles", {}).get("BACKEND", "")
    if "Manifest" not in backend:
        return []
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        return []
    return [
        Error(
            f"The static files have not been collected: {manifest} is missing, so every page would fail.",
            hint="Run `python manage.py collectstatic --noinput` (before `migrate`) on every deployment.",
            id="project.E005",
        )
    ]


def refuse_unsafe_start() -> None:
    """Raise with every production error listed, so that a WSGI server stops instead of serving."""
    errors = [message for message in run_checks(tags=[TAG]) if message.is_serious()]
    if errors:
        raise SystemCheckError(
            "The application refuses to start with these settings:\n" + "\n".join(str(e) for e in errors)
        )
