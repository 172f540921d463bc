-- Development seed data. Everything here is fake; do not load into staging.
INSERT INTO users (email, password_digest, role) VALUES
  ('admin@example.com', '$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', 'admin'),
  ('driver1@example.com', '$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', 'driver'),
  ('nopass@example.com', '', 'driver');

INSERT INTO api_tokens (user_email, token_prefix, token_sha256, expires_at) VALUES
  ('admin@example.com', 'kst_', 'cc2bd818319478da6bd0c621de49f145fda9988c79fc35526f7eaed46725a2a7', now() + interval '30 days');

INSERT INTO settings (key, value) VALUES
  ('password_min_length', '12'),
  ('secret_rotation_days', '90'),
  ('auth_provider', 'oidc'),
  ('stripe_publishable_key', 'pk_test_TYooMQauvdEDq54NiTphI7jx'),
  ('private_beta', 'true');
