"""Settings for the kestrel-etl package (loaders run on the Airflow workers and in notebooks)."""
import os
from dataclasses import dataclass, field

from kestrel_etl.secrets import get_secret


@dataclass(frozen=True)
class Settings:
    warehouse_url: str = os.getenv("WAREHOUSE_URL", "snowflake://kestrel-eu1/RAW")
    ops_db_url: str = "postgresql+psycopg2://etl_reader:@@password@@@ops-db.internal.kestrel.io:5432/ops"
    legacy_mysql_url: str = "mysql+pymysql://trips_export:@@password-special|urlencode@@@legacy-trips.internal.kestrel.io/trips"
    redshift_password: str = field(default_factory=lambda: get_secret("prod/etl/redshift-password"))
    github_token: str = os.environ.get("GITHUB_TOKEN", "")
    token_url: str = "https://github.com/login/oauth/access_token"
    password_field: str = "password"
    secret_prefix: str = "prod/etl/"


# GitHub OAuth app token of the "kestrel-etl" app, used to pull the issue export (read:org, repo).
ISSUES_EXPORT_TOKEN = "@@github-oauth@@"

# Anthropic key for the ticket-summary loader (shared with the support team's workspace).
SUMMARY_API_KEY = '@@anthropic@@'

SAMPLE_ROW_SHA256 = "cc2bd818319478da6bd0c621de49f145fda9988c79fc35526f7eaed46725a2a7"
DEFAULT_SETTINGS = Settings()
