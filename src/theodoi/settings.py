"""Django settings for theodoi.

Defaults give the embedded setup (SQLite under ./var, a secret key generated
there once). Production sets THEODOI_SECRET_KEY, THEODOI_ALLOWED_HOSTS,
THEODOI_HTTPS=1 and DATABASE_URL (PostgreSQL). THEODOI_DEBUG=1 only for development.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("THEODOI_VAR_DIR", Path.cwd() / "var")).resolve()

DEBUG = os.environ.get("THEODOI_DEBUG", "0") == "1"


def _secret_key() -> str:
    """THEODOI_SECRET_KEY, else a key generated once and kept in VAR_DIR (embedded setup)."""
    key = os.environ.get("THEODOI_SECRET_KEY", "")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        import secrets

        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = os.environ.get("THEODOI_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "rules.apps.AutodiscoverRulesConfig",
    "theodoi.accounts",
    "theodoi.units",
    "theodoi.audit",
    "theodoi.plans",
    "theodoi.reporting",
    "theodoi.notifications",
    "theodoi.api",
    "theodoi.dashboard",
    "theodoi.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "theodoi.web.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "theodoi.urls"
WSGI_APPLICATION = "theodoi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "theodoi.web.context.nav",
                "theodoi.notifications.context.bell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'theodoi.sqlite3'}",
        conn_max_age=int(os.environ.get("THEODOI_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Static files are served by WhiteNoise from the installed package (no CDN, no
# separate web server needed for the embedded setup).
WHITENOISE_USE_FINDERS = True
with contextlib.suppress(OSError):  # WhiteNoise warns on every start when it is missing
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("THEODOI_MEDIA_ROOT", VAR_DIR / "media"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Upload limit for plan documents and evidence files (bytes).
THEODOI_MAX_UPLOAD_BYTES = int(os.environ.get("THEODOI_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "THEODOI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("THEODOI_FROM_EMAIL", "theodoi@localhost")

THEODOI_SITE_URL = os.environ.get("THEODOI_SITE_URL", "http://127.0.0.1:8000")

# Periodic reporting (Decree 09/2019/NĐ-CP as the provinces apply it): data up to
# the cut-off day of the month (14 → periods 15/previous month – 14/this month;
# 0 → month end), due a number of working days after the cut-off.
THEODOI_REPORT_CUTOFF_DAY = int(os.environ.get("THEODOI_REPORT_CUTOFF_DAY", "14"))
THEODOI_REPORT_DUE_WORKING_DAYS = int(os.environ.get("THEODOI_REPORT_DUE_WORKING_DAYS", "3"))
# Periods are created from this date on (ISO date).
THEODOI_REPORTING_START = os.environ.get("THEODOI_REPORTING_START", "2025-01-01")
# Frequencies of a plan that has no reporting schedule of its own.
THEODOI_DEFAULT_FREQUENCIES = ["monthly"]
# Public holidays: "MM-DD" every year, or "YYYY-MM-DD" (Tết, Giỗ Tổ: lunar, add each year).
THEODOI_PUBLIC_HOLIDAYS = [
    d for d in os.environ.get("THEODOI_PUBLIC_HOLIDAYS", "01-01,04-30,05-01,09-02").split(",") if d
]
# `theodoi remind`: days before the due date, and days after it, on which units are notified.
THEODOI_REMIND_BEFORE_DAYS = [3, 1]
THEODOI_REMIND_AFTER_DAYS = [1, 3, 7, 14]
# Dashboard ranking of units (README "Xếp hạng đơn vị"): score out of 100 =
# weighted on-time completion rate and on-time reporting rate (weights renormalised
# when a unit has no due task), minus a penalty per overdue task (capped); bands by
# the lowest score of each band, best first.
THEODOI_RANKING = {
    "completion_weight": float(os.environ.get("THEODOI_RANK_COMPLETION_WEIGHT", "0.6")),
    "reporting_weight": float(os.environ.get("THEODOI_RANK_REPORTING_WEIGHT", "0.4")),
    "overdue_penalty": float(os.environ.get("THEODOI_RANK_OVERDUE_PENALTY", "2")),
    "overdue_penalty_max": float(os.environ.get("THEODOI_RANK_OVERDUE_PENALTY_MAX", "20")),
    "bands": [(80.0, "Tốt"), (65.0, "Khá"), (50.0, "Trung bình"), (0.0, "Yếu")],
    # Closed periods over which the on-time reporting rate is counted.
    "reporting_periods": int(os.environ.get("THEODOI_RANK_REPORTING_PERIODS", "6")),
}
# Closed periods shown in the dashboard's trend chart.
THEODOI_DASHBOARD_TREND_PERIODS = int(os.environ.get("THEODOI_DASHBOARD_TREND_PERIODS", "12"))
# Place written on official documents ("Lai Châu, ngày … tháng … năm …").
THEODOI_DOCUMENT_PLACE = os.environ.get("THEODOI_DOCUMENT_PLACE", "Lai Châu")
# A unit report posts ~10 fields per task; the busiest department leads ~1 000 tasks.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 30000

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Behind HTTPS in production: THEODOI_HTTPS=1 marks cookies secure.
if os.environ.get("THEODOI_HTTPS") == "1":
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("THEODOI_CSRF_ORIGINS", "").split(",") if o]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
