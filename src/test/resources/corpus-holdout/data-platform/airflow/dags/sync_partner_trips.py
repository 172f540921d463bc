"""Nightly sync of partner trip exports into RAW.PARTNER_TRIPS.

Credentials: the partner SFTP password lives in Secrets Manager as airflow/variables/partner_sftp_password.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta

import requests
from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator
from airflow.providers.sftp.hooks.sftp import SFTPHook

PARTNER_SFTP_PASSWORD = Variable.get("partner_sftp_password")
DATADOG_API_KEY = os.environ.get("DD_API_KEY", "@@datadog-api-key@@")
DATADOG_APP_KEY = "@@datadog-app-key@@"
TOKEN_URL = "https://partner.citybikes.example/oauth/token"
SECRET_NAME = "airflow/variables/partner_client_secret"

default_args = {
    "owner": "data-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
}


def fetch_manifest(**context):
    session = requests.Session()
    session.auth = ("kestrel-export", "@@password@@")
    resp = session.get("https://partner.citybikes.example/exports/manifest.json", timeout=30)
    resp.raise_for_status()
    return resp.json()


def emit_metric(count: int) -> None:
    requests.post(
        "https://api.datadoghq.eu/api/v1/series",
        headers={"DD-API-KEY": DATADOG_API_KEY, "DD-APPLICATION-KEY": DATADOG_APP_KEY},
        json={"series": [{"metric": "partner.trips.synced", "points": [[int(datetime.now().timestamp()), count]]}]},
        timeout=10,
    )


with DAG(
    dag_id="sync_partner_trips",
    start_date=datetime(2024, 1, 1),
    schedule="0 3 * * *",
    catchup=False,
    default_args=default_args,
    tags=["partner", "raw"],
) as dag:
    PythonOperator(task_id="fetch_manifest", python_callable=fetch_manifest)
