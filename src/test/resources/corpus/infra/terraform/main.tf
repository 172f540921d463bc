terraform {
  required_version = ">= 1.6.0"
  required_providers {
    aws          = { source = "hashicorp/aws", version = "~> 5.40" }
    azurerm      = { source = "hashicorp/azurerm", version = "~> 3.90" }
    digitalocean = { source = "digitalocean/digitalocean", version = "~> 2.34" }
    datadog      = { source = "DataDog/datadog", version = "~> 3.37" }
    vault        = { source = "hashicorp/vault", version = "~> 3.25" }
  }
  backend "s3" {
    bucket = "acme-tf-state"
    key    = "prod/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "@@aws-key-id@@"
  secret_key = "@@aws-secret@@"
}

provider "azurerm" {
  features {}
  subscription_id = "8f2e6c1a-4b3d-4e5f-9a0b-1c2d3e4f5a6b"
  tenant_id       = "72f988bf-86f1-41af-91ab-2d7cd011db47"
  client_id       = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
  client_secret   = "@@azure-client-secret@@"
}

provider "digitalocean" {
  token = "@@digitalocean@@"
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = var.datadog_app_key
}

provider "vault" {
  address = "https://vault.acme.io:8200"
  token   = "@@vault@@"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "datadog_api_key" {
  type      = string
  sensitive = true
}

variable "datadog_app_key" {
  type      = string
  sensitive = true
}

data "vault_generic_secret" "stripe" {
  path = "secret/prod/stripe"
}

resource "aws_db_instance" "orders" {
  identifier             = "orders-prod"
  engine                 = "postgres"
  engine_version         = "16.2"
  instance_class         = "db.t4g.medium"
  allocated_storage      = 100
  username               = "orders_admin"
  password               = var.db_password
  skip_final_snapshot    = false
  storage_encrypted      = true
}

resource "aws_db_instance" "reporting" {
  identifier          = "reporting-prod"
  engine              = "mysql"
  instance_class      = "db.t4g.small"
  allocated_storage   = 50
  username            = "admin"
  password            = "@@password@@"
  skip_final_snapshot = true
}

resource "aws_iam_user_login_profile" "ops" {
  user                    = "ops"
  password_length         = 24
  password_reset_required = true
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
}

resource "aws_secretsmanager_secret" "stripe" {
  name = "prod/stripe/secret_key"
}

resource "aws_secretsmanager_secret_version" "stripe" {
  secret_id     = aws_secretsmanager_secret.stripe.id
  secret_string = data.vault_generic_secret.stripe.data["secret_key"]
}

resource "kubernetes_secret" "registry" {
  metadata {
    name = "registry-auth"
  }
  data = {
    username = "robot$ci"
    password = "@@password@@"
    api_key  = "@@databricks@@"
  }
}

resource "azurerm_storage_account" "exports" {
  name                     = "acmeexports"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

output "storage_primary_key" {
  value     = azurerm_storage_account.exports.primary_access_key
  sensitive = true
}
