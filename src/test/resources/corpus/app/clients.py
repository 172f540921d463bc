import logging
import os

import anthropic
import openai
import requests
import stripe
from slack_sdk import WebClient
from huggingface_hub import InferenceClient

log = logging.getLogger(__name__)

# TODO(jane): move these to Secrets Manager before launch
openai.api_key = "@@openai@@"
claude = anthropic.Anthropic(api_key="@@anthropic@@")
hf = InferenceClient(token="@@hf@@")
slack = WebClient(token="@@slack-user@@")
stripe.api_key = os.environ["STRIPE_SECRET_KEY"]

TELEGRAM_BOT_TOKEN = "@@telegram-bot@@"
DISCORD_WEBHOOK = "@@discord-webhook@@"
PAGERDUTY_API_TOKEN = "@@pagerduty@@"
SHOPIFY_ACCESS_TOKEN = "@@shopify@@"
POSTMAN_API_KEY = os.getenv("POSTMAN_API_KEY")
NEW_RELIC_API_KEY = os.environ.get("NEW_RELIC_API_KEY", "")
GOOGLE_MAPS_API_KEY = "@@google-api-key@@"

MAX_TOKENS = 4096
TOKEN_URL = "https://oauth2.googleapis.com/token"
SECRET_NAME = "portal/prod/clients"


def pagerduty_incident(summary: str) -> None:
    requests.post(
        "https://api.pagerduty.com/incidents",
        headers={"Authorization": f"Token token={PAGERDUTY_API_TOKEN}", "From": "ops@acme.io"},
        json={"incident": {"type": "incident", "title": summary}},
        timeout=10,
    )


def shopify_orders(shop: str):
    return requests.get(
        f"https://{shop}.myshopify.com/admin/api/2024-01/orders.json",
        headers={"X-Shopify-Access-Token": SHOPIFY_ACCESS_TOKEN},
        timeout=10,
    ).json()


def new_relic_query(nrql: str):
    return requests.post(
        "https://api.newrelic.com/graphql",
        headers={"API-Key": "@@newrelic-user-key@@"},
        json={"query": nrql},
        timeout=10,
    ).json()


def gitlab_client():
    token = os.environ.get("GITLAB_TOKEN") or "@@gitlab-pat@@"
    return requests.Session(), token


def get_password(prompt="Password: "):
    import getpass
    password = getpass.getpass(prompt)
    return password
