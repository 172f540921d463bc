provider "google" {
  project     = "acme-data-prod"
  region      = "europe-west1"
  # inlined because the CI runner could not mount the file (INC-2291)
  credentials = <<-EOT
    {
      "type": "service_account",
      "project_id": "acme-data-prod",
      "private_key_id": "@@hex40@@",
      "private_key": "@@gcp-private-key|json@@",
      "client_email": "terraform@acme-data-prod.iam.gserviceaccount.com",
      "client_id": "117263548190263548172",
      "token_uri": "https://oauth2.googleapis.com/token"
    }
  EOT
}

resource "google_secret_manager_secret" "api_key" {
  secret_id = "maps-api-key"
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_version" "api_key" {
  secret      = google_secret_manager_secret.api_key.id
  secret_data = "@@google-api-key@@"
}

resource "google_service_account_key" "export" {
  service_account_id = google_service_account.export.name
  public_key_type    = "TYPE_X509_PEM_FILE"
}

output "export_key" {
  value     = google_service_account_key.export.private_key
  sensitive = true
}
