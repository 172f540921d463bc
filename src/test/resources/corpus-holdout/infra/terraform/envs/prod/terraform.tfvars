environment        = "prod"
vpc_cidr           = "10.20.0.0/16"
availability_zones = ["eu-central-1a", "eu-central-1b", "eu-central-1c"]

db_instance_class   = "db.r6g.xlarge"
db_master_username  = "kestrel_admin"
db_master_password  = "@@password@@"
db_kms_key_id       = "arn:aws:kms:eu-central-1:482910377125:key/f5ead065-077e-432a-bf3f-37ea8c0856a4"

datadog_api_key = "@@datadog-api-key@@"
datadog_app_key = "@@datadog-app-key@@"

# managed in Vault, read by the module through data "vault_generic_secret"
grafana_admin_password_path = "secret/prod/grafana/admin"
pagerduty_token_secret_name = "prod/pagerduty/api-token"
ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILFsVTuw2dKAasaxO4OAguANX7KaNzJNJ0Kyr1Y1amCo ci@kestrel"
