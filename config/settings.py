"""One settings module for every environment; everything that differs comes from environment variables.

DEBUG defaults to on for the local demo (``make run``); with DEBUG off the production defaults apply:
a SECRET_KEY must be given, cookies are secure, and hosts must be listed.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-the-local-demo"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "bootstrap",
    "import_export",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "config.apps.ProjectConfig",
    "core",
    "accounts",
    "courses",
    "placements",
    "certificates",
    "spreadsheets",
    "notifications",
    "outcomes",
    "dashboard",
    "privacy",
    "demo",
    "django_tasks",
    # After notifications: its db_worker (which first takes back the tasks a killed worker left) wins.
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.languages.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "config.middleware.NoStoreMiddleware",
    # Last, as django-axes asks: turns a refused log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a write lock instead of failing at once when two requests write together.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    # First: refuses a log-in while the user name and address are locked out (docs/security.md).
    "accounts.backends.LockoutBackend",
    "rules.permissions.ObjectPermissionBackend",
    "accounts.backends.AdminModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "de"
# Participants' pages speak all six (core.languages); staff and supervisors choose German or English.
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("fa", _("Dari")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Dates as DD.MM.YYYY in every language (config/formats): the documents and the people are German.
FORMAT_MODULE_PATH = ["config.formats"]
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# The console backend prints whole e-mails (rejection reasons, names) into the server log: local demo only;
# config/checks.py refuses it with DEBUG off.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "integrationsbegleitung@localhost")

# Shared between processes through the database, so that throttling works behind a load balancer.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "app_cache",
    },
}

# Bootstrap 5 (responsive) with the body rows written in Python: core/templates/core/table.html.
DJANGO_TABLES2_TEMPLATE = "core/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-hover align-middle"}

# Public address used in links that leave the app (certificate QR codes, emails).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Placements (docs/placements.md): §72a SGB VIII, §34 IfSG and the working-time rules (ArbZG) as defaults.
PLACEMENT_CONDUCT_CERTIFICATE_MAX_AGE_MONTHS = int(os.environ.get("PLACEMENT_CONDUCT_CERTIFICATE_MAX_AGE_MONTHS", "3"))
PLACEMENT_CONDUCT_RETENTION_MONTHS = int(os.environ.get("PLACEMENT_CONDUCT_RETENTION_MONTHS", "3"))
PLACEMENT_INFECTION_INSTRUCTION_VALID_MONTHS = int(os.environ.get("PLACEMENT_INFECTION_INSTRUCTION_VALID_MONTHS", "24"))
PLACEMENT_MAX_WORK_MINUTES_PER_DAY = int(os.environ.get("PLACEMENT_MAX_WORK_MINUTES_PER_DAY", "600"))
PLACEMENT_BREAK_RULES = ((360, 30), (540, 45))  # more than N minutes of work need M minutes of break
PLACEMENT_MIN_BREAK_PART_MINUTES = 15
PLACEMENT_MIN_REST_MINUTES = int(os.environ.get("PLACEMENT_MIN_REST_MINUTES", "660"))  # ArbZG §5: 11 hours

# Unconfirmed participant-list previews (with the uploaded file) are discarded after this many days.
IMPORT_PREVIEW_RETENTION_DAYS = int(os.environ.get("IMPORT_PREVIEW_RETENTION_DAYS", "7"))

# Bounds on uploaded spreadsheets, checked before and while a file is read (core/spreadsheet_reader.py,
# docs/security.md "Uploads, exports and file names"). Unset: the defaults of core.spreadsheet_reader.UploadLimits.
for _name in (
    "SPREADSHEET_MAX_UPLOAD_BYTES",
    "SPREADSHEET_MAX_ROWS",
    "SPREADSHEET_MAX_COLUMNS",
    "SPREADSHEET_MAX_CELL_CHARS",
    "SPREADSHEET_MAX_EMPTY_ROWS",
    "SPREADSHEET_MAX_PART_BYTES",
    "SPREADSHEET_MAX_UNPACKED_BYTES",
    "SPREADSHEET_MAX_COMPRESSION_RATIO",
    "SPREADSHEET_MAX_PARTS",
):
    if os.environ.get(_name):
        globals()[_name] = int(os.environ[_name])

# Data protection (docs/privacy.md): how long the log-in history is kept for the right of access.
PRIVACY_LOGIN_RECORD_DAYS = int(os.environ.get("PRIVACY_LOGIN_RECORD_DAYS", "180"))

# Certificates (docs/certificates.md).
CERTIFICATE_NUMBER_PREFIX = os.environ.get("CERTIFICATE_NUMBER_PREFIX", "IB")
CERTIFICATE_VERIFY_MAX_FAILURES = int(os.environ.get("CERTIFICATE_VERIFY_MAX_FAILURES", "10"))
CERTIFICATE_VERIFY_WINDOW_SECONDS = int(os.environ.get("CERTIFICATE_VERIFY_WINDOW_SECONDS", "900"))
# Number of reverse proxies in front of the app (0: none; behind one load balancer 1), so that the certificate
# check's throttle and the log-in lockout count clients, not the proxy (core.net.client_address). With DEBUG off
# it must be set explicitly: config/checks.py refuses to start otherwise (docs/security.md).
_trusted_proxies = os.environ.get("CERTIFICATE_TRUSTED_PROXIES", "0" if DEBUG else "")
CERTIFICATE_TRUSTED_PROXIES = int(_trusted_proxies) if _trusted_proxies.strip() else None

# Signed documents (docs/credentials.md): each organisation's key as {pk: {"pkcs12": path, "passphrase_env": NAME}}
# or {pk: {"key": path, "certificate": path, "chain": [paths]}} (JSON in the environment); else the files that
# `manage.py make_signing_key` writes into the key folder. A timestamp authority's URL makes signatures PAdES B-LT.
CERTIFICATE_SIGNING_KEYS = json.loads(os.environ.get("CERTIFICATE_SIGNING_KEYS", "{}"))
CERTIFICATE_SIGNING_KEY_DIR = Path(os.environ.get("CERTIFICATE_SIGNING_KEY_DIR", BASE_DIR / "var" / "signing"))
CERTIFICATE_TIMESTAMP_URL = os.environ.get("CERTIFICATE_TIMESTAMP_URL", "")

# Log-in lockout (django-axes 8, docs/security.md): a user name *from one address* is locked after
# LOGIN_FAILURE_LIMIT failed log-ins for LOGIN_COOLOFF_MINUTES; unknown user names are counted the same way.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.net.lockout_address"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
# Failed attempts are kept (they are the lockout); successful log-ins are not logged (no need, personal data).
AXES_DISABLE_ACCESS_LOG = True

# Content-Security-Policy (django-csp 4): scripts and styles only from our own static files, nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws its icons (menu button, select arrow) as data: SVG.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# No page uses these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"

# Verification codes and searched names are redacted from every log line (privacy/logging.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_personal_data": {"()": "privacy.logging.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_personal_data"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Accounts (docs/accounts.md): invitations instead of passwords chosen by staff, and unused logins closed.
INVITATION_TIMEOUT_DAYS = int(os.environ.get("INVITATION_TIMEOUT_DAYS", "14"))
INVITATION_CODE_MAX_ATTEMPTS = int(os.environ.get("INVITATION_CODE_MAX_ATTEMPTS", "5"))
ACCOUNT_INACTIVITY_DAYS = int(os.environ.get("ACCOUNT_INACTIVITY_DAYS", "365"))  # 0 switches it off
# Background work (docs/notifications.md): Django's task framework. The database backend with
# `manage.py db_worker` by default; TASKS_BACKEND=rq puts the queue on Redis (REDIS_URL) for several hosts.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 900}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
TASK_RETRY_BASE_SECONDS = int(os.environ.get("TASK_RETRY_BASE_SECONDS", "60"))  # doubles with each attempt

# Notifications (docs/notifications.md).
NOTIFICATION_HOURS_WAITING_DAYS = int(os.environ.get("NOTIFICATION_HOURS_WAITING_DAYS", "3"))
SUPERVISOR_LINK_MAX_AGE_DAYS = int(os.environ.get("SUPERVISOR_LINK_MAX_AGE_DAYS", "14"))
# Cohort ZIPs with more certificates than this are prepared in the background instead of streamed.
PREPARED_ZIP_THRESHOLD = int(os.environ.get("PREPARED_ZIP_THRESHOLD", "40"))
PREPARED_DOWNLOAD_RETENTION_DAYS = int(os.environ.get("PREPARED_DOWNLOAD_RETENTION_DAYS", "7"))
