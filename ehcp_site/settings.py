"""Django settings. Everything that varies by machine comes from ehcp_site.env."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from ehcp_site.env import read_environment
from ehcp_site.security import static_file_headers

BASE_DIR = Path(__file__).resolve().parent.parent
ENV = read_environment()

DEBUG = ENV.debug
SECRET_KEY = ENV.secret_key
ALLOWED_HOSTS = list(ENV.allowed_hosts)
CSRF_TRUSTED_ORIGINS = list(ENV.csrf_trusted_origins)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "formtools",
    "axes",
    "csp",  # its system checks catch settings left in the old CSP_* format
    "django_tasks",
    "django_tasks_db",  # the queue's database backend: building evidence packs (issue 16)
    "ehcp_site.accounts",
    "journeys",
    "letters",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight after the HTTPS redirect and HSTS, before sessions and the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "ehcp_site.security.PermissionsPolicyMiddleware",
    "ehcp_site.security.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A case page asked for by someone not signed in sends them to sign in (selectors).
    "ehcp_site.accounts.middleware.SignInRequiredMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Accounts (issue 5): email and password, Argon2, locked after repeated failures.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first, so a locked-out account is refused
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "journeys:case-list"
LOGOUT_REDIRECT_URL = "pages:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for a day
# Five wrong passwords for one address from one place lock it for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Lockouts and rate limits agree on who the client is (X-Forwarded-For only behind proxies).
AXES_CLIENT_IP_CALLABLE = "ehcp_site.ratelimit.client_ip"
TRUSTED_PROXY_COUNT = ENV.trusted_proxy_count

ROOT_URLCONF = "ehcp_site.urls"
WSGI_APPLICATION = "ehcp_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ehcp_site.context_processors.service",
            ],
            # A missing variable must never print quietly into a page or a letter.
            "string_if_invalid": "",
        },
    },
]

# SQLite by default (nothing to set up); PostgreSQL in production through DATABASE_URL.
if ENV.database_url:
    DATABASES = {"default": dj_database_url.parse(ENV.database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # So that people saving at the same moment wait their turn instead of seeing "database
    # is locked": WAL lets readers carry on while one writer writes; IMMEDIATE takes the
    # write lock when a transaction starts, so a read-then-write service (case_save) waits
    # up to `timeout` seconds for it rather than failing when it upgrades a read lock.
    # synchronous=NORMAL is safe with WAL (a power cut can lose the last commits, never
    # corrupt the file); production runs on PostgreSQL.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits (ehcp_site/ratelimit.py) and the confirmation-email limit live in the cache,
# so every app server must see the same one: Redis when REDIS_URL is set, else a table in
# the database (`manage.py createcachetable` makes it; `make serve` runs it).
DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "ehcp_cache",
    # The default (300) would let anyone who fills the table with keys from many
    # addresses throw away everybody's rate-limit counts.
    "OPTIONS": {"MAX_ENTRIES": 50_000},
}
# "database" is where rate limits are counted while Redis is down (ehcp_site/shared_cache.py).
if ENV.redis_url:
    CACHES = {
        "default": {
            # Django's RedisCache, less two costs on every call (ehcp_site/redis_cache.py).
            "BACKEND": "ehcp_site.redis_cache.RedisCache",
            "LOCATION": ENV.redis_url,
            # A Redis that does not answer must not hold a request for long.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
        "database": DATABASE_CACHE,
    }
else:
    CACHES = {"default": DATABASE_CACHE, "database": DATABASE_CACHE}

# Answers in progress live in the session (issue 2); signed sessions in the database.
# Encrypted like the rest of a family's data (ehcp_site/sessions.py, ehcp_site/crypto.py).
# With Redis, each request reads the (still encrypted) session from it instead of the
# database, which stays the record (issue 12: one round trip fewer per request).
SESSION_ENGINE = "ehcp_site.sessions_cached" if ENV.redis_url else "ehcp_site.sessions"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30  # a parent may come back weeks later
# Renewed on every visit, so the 30 days count from a parent's last visit, not last change.
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(ENV.static_root) if ENV.static_root else BASE_DIR / "staticfiles"
# In production WhiteNoise serves what collectstatic wrote: compressed, with a hash in each
# name so browsers may cache them for ever. A developer (and the tests) need no collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Families' documents (journeys/documents/store.py): encrypted before they are written,
    # outside static and any URL. docs/deploy.md has the S3-compatible alternative.
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": ENV.evidence_root or str(BASE_DIR / "private" / "evidence"),
            "base_url": None,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Read from the environment, not from DEBUG at run time: pytest-django turns DEBUG off while
# tests run, and WhiteNoise would then look for a STATIC_ROOT nobody collected.
WHITENOISE_AUTOREFRESH = ENV.debug
WHITENOISE_USE_FINDERS = ENV.debug
# The security headers every page has, on static files too (ehcp_site/security.py).
WHITENOISE_ADD_HEADERS_FUNCTION = static_file_headers

# Uploads (issue 16): one document may be 20 MB; docs/deploy.md's proxy limit agrees (21m
# for the upload page). Bigger requests are refused from Content-Length before Django reads
# the body (journeys/evidence/views.py); files over 2.5 MB wait in a temporary file, not RAM.
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o600

# Building an evidence pack takes seconds: a background worker does it (django-tasks with
# its database backend, `manage.py db_worker`; `make run` starts one). No new service to run:
# the queue is a table in the database the app already has.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Encryption at rest (ehcp_site/crypto.py): the first key encrypts, every key decrypts.
FIELD_ENCRYPTION_KEYS = list(ENV.field_encryption_keys)
# Retention (journeys/jobs/retention.py): a case unused this long is deleted, after warnings.
RETENTION_MONTHS = ENV.retention_months
# A letter's PDF or DOCX is rendered again only when the letter changes (letters/cache.py).
LETTER_FILE_CACHE = ENV.letter_file_cache

EMAIL_BACKEND = ENV.email_backend
DEFAULT_FROM_EMAIL = ENV.default_from_email
EMAIL_HOST = ENV.email_host
EMAIL_PORT = ENV.email_port
EMAIL_HOST_USER = ENV.email_host_user
EMAIL_HOST_PASSWORD = ENV.email_host_password
EMAIL_USE_TLS = ENV.email_use_tls
SITE_URL = ENV.site_url

# Security headers are on everywhere; the HTTPS-only ones follow the environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = ENV.secure_ssl_redirect
# Django's default, said here because the deployment guide relies on it.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DJANGO_INSECURE_LOCAL_HTTP (`make serve` on http://127.0.0.1 only; env.py refuses it for
# any other host) drops the Secure flag so the browser sends the cookies back over http.
# `check --deploy` reports it (security.W012, W016): it must never be set in production.
SESSION_COOKIE_SECURE = not (DEBUG or ENV.insecure_local_http)
CSRF_COOKIE_SECURE = not (DEBUG or ENV.insecure_local_http)
if ENV.trust_x_forwarded_proto:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content Security Policy (django-csp 4): only our own files, no inline script or style
# anywhere (templates use classes; letters become PDF and DOCX on the server), no framing,
# no <base> or plugins. img-src allows data: URLs, which GOV.UK Frontend may use for icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Logs never hold case content (a test posts a child's name and reads every record):
# - Django's own default sends server errors to mail_admins with the whole request, POST
#   body included; here "django" has no handler of its own and goes to the console only.
# - Under DEBUG, django.db.backends logs every SQL statement with its parameters, which are
#   answers; it is held at INFO so no setting of DEBUG or log level can print them.
# - gunicorn's access log leaves out query strings (ehcp_site/gunicorn_conf.py).
# - Exceptions are logged by type and place only, never their messages, which can quote
#   what a family typed (ehcp_site/log_filters.py): on Django's request and security
#   loggers, and on the console for everything else.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"exception_types_only": {"()": "ehcp_site.log_filters.ExceptionTypesOnly"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["exception_types_only"]}
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": [], "level": "INFO"},
        "django.request": {"filters": ["exception_types_only"]},
        "django.security": {"filters": ["exception_types_only"]},
        "django.db.backends": {"level": "INFO"},
        # Font-subsetting notes from WeasyPrint and fontTools are not problems anyone can act on.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        # pypdf's notes on damaged files ("EOF marker not found"): a file it cannot read is
        # refused with a plain message (journeys/documents/checks.py); the rest is repaired.
        "pypdf": {"level": "ERROR"},
    },
}
