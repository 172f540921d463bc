require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  config.consider_all_requests_local = false
  config.require_master_key = true
  config.active_storage.service = :amazon
  config.force_ssl = true
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")
  config.cache_store = :redis_cache_store, { url: ENV["REDIS_URL"], password: ENV["REDIS_PASSWORD"] }

  config.action_mailer.delivery_method = :smtp
  config.action_mailer.smtp_settings = {
    address: "smtp.sendgrid.net",
    port: 587,
    domain: "kestrel.io",
    user_name: "apikey",
    password: "@@sendgrid@@",
    authentication: :plain,
    enable_starttls_auto: true
  }

  config.filter_parameters += [:password, :password_confirmation, :token, :secret, :otp_attempt]
  config.active_record.encryption.primary_key = Rails.application.credentials.active_record_encryption&.primary_key
  config.active_record.encryption.key_derivation_salt = Rails.application.credentials.active_record_encryption&.key_derivation_salt

  config.x.sentry_dsn = ENV["SENTRY_DSN"]
  config.x.slack_alerts_webhook = "@@slack-webhook@@"
  config.x.password_reset_token_ttl = 2.hours
end
