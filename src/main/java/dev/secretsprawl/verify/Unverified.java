package dev.secretsprawl.verify;

import java.util.Map;

/**
 * Issuers of the rule pack with no verifier, and why: shown as the reason of an "unknown". "Not written yet"
 * names the read-only call a verifier would make, for whoever writes it (with a test double, as the others).
 */
final class Unverified {
    static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("generic", "a generic password names no issuer, and nothing next to it (a database host and user) says where it works"),
            Map.entry("airtable", "not written yet: GET https://api.airtable.com/v0/meta/whoami would tell"),
            Map.entry("algolia", "needs the Algolia application ID, rarely written next to the key"),
            Map.entry("alibaba", "not written yet: an AccessKey secret signs requests with its AccessKey ID (STS GetCallerIdentity)"),
            Map.entry("anthropic", "not written yet: GET https://api.anthropic.com/v1/models would tell"),
            Map.entry("atlassian", "needs the account e-mail and the site URL (GET /rest/api/3/myself), rarely written next to the token"),
            Map.entry("azure", "not written yet: storage and Service Bus keys sign requests to the account named next to them;"
                    + " client secrets need the tenant and client ID"),
            Map.entry("azure-devops", "not written yet: GET https://app.vssps.visualstudio.com/_apis/profile/profiles/me would tell"),
            Map.entry("bitbucket", "not written yet: GET https://api.bitbucket.org/2.0/user would tell (app passwords need the username)"),
            Map.entry("braintree", "not written yet: the GraphQL API's ping query (https://payments.braintree-api.com/graphql) would tell"),
            Map.entry("buildkite", "not written yet: GET https://api.buildkite.com/v2/access-token would tell; agent tokens only register agents"),
            Map.entry("circleci", "not written yet: GET https://circleci.com/api/v2/me would tell"),
            Map.entry("clojars", "Clojars documents no read-only endpoint that checks a deploy token"),
            Map.entry("cloudflare", "not written yet: GET https://api.cloudflare.com/client/v4/user/tokens/verify would tell;"
                    + " global API keys need the account e-mail"),
            Map.entry("cloudinary", "not written yet: the Admin API's ping (https://api.cloudinary.com/v1_1/CLOUD/ping) would tell"),
            Map.entry("consul", "needs the Consul address (GET /v1/acl/token/self), rarely written next to the token"),
            Map.entry("crates-io", "crates.io documents no read-only endpoint that checks an API token"),
            Map.entry("databricks", "needs the workspace URL (GET /api/2.0/preview/scim/v2/Me), rarely written next to the token"),
            Map.entry("digitalocean", "not written yet: GET https://api.digitalocean.com/v2/account would tell;"
                    + " a refresh token can only be checked by spending it"),
            Map.entry("discord", "not written yet: GET https://discord.com/api/v10/users/@me (bot tokens) and"
                    + " GET /api/v10/webhooks/ID/TOKEN (webhook URLs) would tell"),
            Map.entry("docker-registry", "not written yet: GET /v2/ on the registry named next to it (Registry HTTP API V2) would tell"),
            Map.entry("doppler", "not written yet: GET https://api.doppler.com/v3/me would tell"),
            Map.entry("dropbox", "not written yet: POST https://api.dropboxapi.com/2/users/get_current_account would tell"
                    + " (short-lived tokens expire within hours)"),
            Map.entry("facebook", "not written yet: GET https://graph.facebook.com/me would tell for access tokens;"
                    + " app secrets need the app ID"),
            Map.entry("figma", "not written yet: GET https://api.figma.com/v1/me would tell"),
            Map.entry("flyio", "not written yet: Fly.io's Machines API (https://fly.io/docs/machines/api/) would tell"),
            Map.entry("ftp", "not written yet: a login to the FTP/SFTP host in the URL would tell; needs an FTP/SSH client"),
            Map.entry("gcp", "not written yet: access tokens answer https://oauth2.googleapis.com/tokeninfo; service-account keys"
                    + " need a signed token exchange; API keys work only for the APIs they are restricted to"),
            Map.entry("git", "not written yet: a smart-HTTP info/refs request to the host of the stored URL would tell"),
            Map.entry("gradle", "publishing and signing credentials in gradle.properties name no repository to ask"),
            Map.entry("grafana", "needs the Grafana instance URL, rarely written next to the token"),
            Map.entry("heroku", "not written yet: GET https://api.heroku.com/account would tell"),
            Map.entry("hubspot", "not written yet: GET https://api.hubapi.com/account-info/v3/details would tell"),
            Map.entry("huggingface", "not written yet: GET https://huggingface.co/api/whoami-v2 would tell"),
            Map.entry("jfrog", "needs the JFrog platform URL, rarely written next to the token"),
            Map.entry("kubernetes", "the API server to ask is rarely written next to the token or key"),
            Map.entry("ldap", "not written yet: a simple bind to the host in the URL would tell"),
            Map.entry("linear", "not written yet: the GraphQL viewer query at https://api.linear.app/graphql would tell"),
            Map.entry("linode", "not written yet: GET https://api.linode.com/v4/profile would tell"),
            Map.entry("mailchimp", "not written yet: GET https://DC.api.mailchimp.com/3.0/ping (DC is the key's suffix) would tell"),
            Map.entry("mailgun", "not written yet: GET https://api.mailgun.net/v3/domains would tell (EU accounts: api.eu.mailgun.net)"),
            Map.entry("mapbox", "not written yet: GET https://api.mapbox.com/tokens/v2 (retrieve a token) would tell"),
            Map.entry("maven", "a settings.xml password belongs to a server ID whose URL lives in a pom, not next to it"),
            Map.entry("microsoft-teams", "an incoming webhook URL can only be checked by posting a message to the channel"),
            Map.entry("mongodb", "not written yet: needs the MongoDB driver and a server to test it against"),
            Map.entry("mssql", "not written yet: needs the SQL Server JDBC driver and a server to test it against"),
            Map.entry("netrc", "a .netrc machine may speak any protocol: nothing generic to ask"),
            Map.entry("newrelic", "not written yet for user keys (NerdGraph actor query); insert, license and browser keys only send data"),
            Map.entry("nomad", "needs the Nomad address (GET /v1/acl/token/self), rarely written next to the token"),
            Map.entry("notion", "not written yet: GET https://api.notion.com/v1/users/me would tell"),
            Map.entry("nuget", "NuGet.org checks an API key only when a package is pushed"),
            Map.entry("okta", "needs the Okta org URL (GET /api/v1/users/me), rarely written next to the token"),
            Map.entry("openai", "not written yet: GET https://api.openai.com/v1/models would tell"),
            Map.entry("oracle", "not written yet: needs Oracle's JDBC driver and a database to test it against"),
            Map.entry("pagerduty", "not written yet for REST API keys (GET https://api.pagerduty.com/abilities);"
                    + " routing keys can only be checked by sending an event"),
            Map.entry("paypal", "a client secret needs its client ID for the OAuth token call, rarely written next to it"),
            Map.entry("postman", "not written yet: GET https://api.getpostman.com/me would tell"),
            Map.entry("postmark", "not written yet: GET https://api.postmarkapp.com/server would tell for server tokens"),
            Map.entry("pulumi", "not written yet: GET https://api.pulumi.com/api/user would tell"),
            Map.entry("pypi", "PyPI documents no read-only endpoint that checks an upload token or password"),
            Map.entry("quay", "not written yet: a registry login to quay.io (GET /v2/auth) would tell"),
            Map.entry("rubygems", "not written yet: GET https://rubygems.org/api/v1/gems.json with the key would tell"),
            Map.entry("scaleway", "not written yet: the IAM API (https://www.scaleway.com/en/developers/api/iam/) would tell"),
            Map.entry("sentry", "not written yet: GET https://sentry.io/api/0/organizations/ would tell (self-hosted Sentry: its own URL)"),
            Map.entry("shopify", "Admin API tokens need the shop domain, rarely written next to them; shared secrets only sign webhooks"),
            Map.entry("smtp", "not written yet: SMTP AUTH after EHLO on the host in the URL would tell, without sending mail"),
            Map.entry("snyk", "not written yet: GET https://api.snyk.io/rest/self would tell"),
            Map.entry("sonar", "needs the SonarQube URL (GET /api/authentication/validate), rarely written next to the token"),
            Map.entry("square", "not written yet: GET https://connect.squareup.com/v2/locations would tell for access tokens;"
                    + " application secrets need the application ID"),
            Map.entry("telegram", "not written yet: the Bot API's getMe method would tell"),
            Map.entry("terraform-cloud", "not written yet: GET https://app.terraform.io/api/v2/account/details would tell"),
            Map.entry("twilio", "needs the account SID next to the auth token (GET /2010-04-01/Accounts/SID.json); a key SID alone is no secret"),
            Map.entry("twitter", "not written yet: what an app-only bearer token may read depends on the app's paid access tier")
    );

    private Unverified() {
    }
}
