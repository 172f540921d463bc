-- V31: reporting roles for the BI tool.
-- Passwords for human users are set out of band; the service role below is created with a fixed one
-- because Metabase's connection form can't read from Vault (DATA-412).

CREATE ROLE reporting_ro NOLOGIN;
GRANT USAGE ON SCHEMA marts TO reporting_ro;
GRANT SELECT ON ALL TABLES IN SCHEMA marts TO reporting_ro;

CREATE ROLE metabase LOGIN PASSWORD '@@password@@' IN ROLE reporting_ro;
ALTER ROLE metabase SET statement_timeout = '120s';

-- password is set by the rotate-db-password.sh job
CREATE ROLE dispatch_etl LOGIN IN ROLE reporting_ro;
ALTER ROLE dispatch_etl VALID UNTIL 'infinity';

-- Legacy app users table: API keys are stored hashed (sha256 hex), never in clear.
CREATE TABLE IF NOT EXISTS api_clients (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text NOT NULL,
    api_key_hash  char(64) NOT NULL,
    api_key_last4 char(4) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

INSERT INTO api_clients (id, name, api_key_hash, api_key_last4) VALUES
  ('f5ead065-077e-432a-bf3f-37ea8c0856a4', 'depot-ham', 'd6ba2b0aee0ca923732881584d8c4fa2815d2802827283e0ad84173581569969', '9f2c'),
  ('4eb19fca-a64f-4613-b464-2ea4696c63d6', 'depot-rtm', 'e58b081006f7e3dfc967a64cb14028d512c9791e558e08baa7196b50ac2f8670', '11ab');

-- Integration settings (moved from the admin UI). The Shopify store token was pasted by the partner team.
INSERT INTO integration_settings (provider, key, value) VALUES
  ('shopify', 'admin_api_access_token', '@@shopify@@'),
  ('shopify', 'shop_domain', 'kestrel-merch.myshopify.com'),
  ('shopify', 'api_version', '2024-01'),
  ('slack', 'user_token', '@@slack-user@@'),
  ('slack', 'token_url', 'https://slack.com/api/oauth.v2.access'),
  ('mailgun', 'password_reset_template', 'password-reset-v3');
