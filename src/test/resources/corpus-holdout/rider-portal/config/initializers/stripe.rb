# frozen_string_literal: true

# Stripe keys live in credentials; the publishable key is public by design.
Rails.configuration.stripe = {
  publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", "pk_test_TYooMQauvdEDq54NiTphI7jx"),
  secret_key: Rails.application.credentials.dig(:stripe, :secret_key),
  webhook_secret: ENV["STRIPE_WEBHOOK_SECRET"]
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.api_version = "2023-10-16"
Stripe.max_network_retries = 2

# Reconciliation job talks to the restricted key only (read charges, read payouts).
# TODO(payments): move this into credentials before the PCI audit
RECONCILIATION_STRIPE_KEY = "@@stripe-restricted@@"

if Rails.env.development?
  # Stripe's own docs test key, safe to share
  Stripe.api_key ||= "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
end
