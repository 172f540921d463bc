#!/usr/bin/env python3
"""Sync Jira issues to Linear. One-off migration script."""
import argparse
import base64

import requests

JIRA_URL = "https://acme.atlassian.net"
JIRA_USER = "jane.doe@acme.io"
JIRA_API_TOKEN = "@@atlassian-api-token@@"
LINEAR_API_KEY = "@@linear@@"
BITBUCKET_APP_PASSWORD = "@@bitbucket-app-password@@"


def jira_session():
    s = requests.Session()
    s.auth = (JIRA_USER, JIRA_API_TOKEN)
    return s


def bitbucket_headers():
    basic = base64.b64encode(f"acme-ci:{BITBUCKET_APP_PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {basic}"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--token", help="Linear API token (default: from LINEAR_API_KEY)")
    parser.add_argument("--password", help="unused, kept for compatibility")
    args = parser.parse_args()
    token = args.token or LINEAR_API_KEY
    issues = jira_session().get(f"{JIRA_URL}/rest/api/3/search?jql=project=OPS").json()
    for issue in issues["issues"]:
        requests.post("https://api.linear.app/graphql", headers={"Authorization": token},
                      json={"query": "mutation { issueCreate(input: {title: \"%s\"}) { success } }" % issue["key"]})


if __name__ == "__main__":
    main()
