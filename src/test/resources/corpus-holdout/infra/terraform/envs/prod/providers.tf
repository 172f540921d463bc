terraform {
  required_version = ">= 1.6"

  cloud {
    organization = "kestrel"
    workspaces {
      name = "infra-prod"
    }
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.26"
    }
    datadog = {
      source = "DataDog/datadog"
    }
    digitalocean = {
      source = "digitalocean/digitalocean"
    }
  }
}

provider "aws" {
  region = "eu-central-1"
  assume_role {
    role_arn = "arn:aws:iam::482910377125:role/terraform"
  }
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = var.datadog_app_key
  api_url = "https://api.datadoghq.eu/"
}

# Staging droplets for the load-test harness; token scoped to the loadtest project.
provider "digitalocean" {
  token = "@@digitalocean@@"
}

provider "github" {
  owner = "kestrel"
  token = "@@github-pat@@"
}
