"""Django settings for the acme portal."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "@@base62-secret@@"
DEBUG = os.environ.get("DJANGO_DEBUG", "false").lower() == "true"
ALLOWED_HOSTS = ["portal.acme.io", "localhost"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "USER": "portal",
        "PASSWORD": "@@password@@",
        "HOST": os.environ.get("DB_HOST", "portal-db.prod.internal"),
        "PORT": "5432",
    },
    "analytics": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "analytics",
        "USER": "reader",
        "PASSWORD": os.environ["ANALYTICS_DB_PASSWORD"],
        "HOST": "analytics.prod.internal",
    },
}

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://:@@password@@@cache.prod.internal:6379/1",
    }
}

CELERY_BROKER_URL = "amqp://portal:@@password-special|urlencode@@@rabbit.prod.internal:5672/portal"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3600
SESSION_COOKIE_AGE = 1209600

AWS_ACCESS_KEY_ID = "@@aws-key-id@@"
AWS_SECRET_ACCESS_KEY = "@@aws-secret@@"
AWS_STORAGE_BUCKET_NAME = "acme-portal-media"
AWS_S3_SIGNATURE_VERSION = "s3v4"

EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.acme.io"
EMAIL_HOST_PASSWORD = os.getenv("MAILGUN_SMTP_PASSWORD")
ANYMAIL = {
    "MAILGUN_API_KEY": "@@mailgun@@",
    "MAILGUN_SENDER_DOMAIN": "mg.acme.io",
}

SOCIAL_AUTH_GITHUB_KEY = "Iv1.8a61f9b3a7aba766"
SOCIAL_AUTH_GITHUB_SECRET = "@@hex40@@"
SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = "1093442051234-k2v3m4n5b6v7c8x9z0a1s2d3f4g5h6j7.apps.googleusercontent.com"
SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = os.environ.get("GOOGLE_OAUTH2_SECRET", "")

SENTRY_DSN = "https://4f1c2b3a5d6e7f8091a2b3c4d5e6f708@o448812.ingest.sentry.io/5531097"
STRIPE_SECRET_KEY = "@@stripe-live@@"
STRIPE_PUBLISHABLE_KEY = "pk_live_51HqLyjWDarjtT1zdp7dcPTQ9KmSWmrYHtX5rCVRsVbWJ9c1a"
