package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/lib/pq"
)

const (
	datadogAPIKey   = "@@datadog-api-key@@"
	datadogAppKey   = "@@datadog-app-key@@"
	defaultTimeout  = 30 * time.Second
	tokenHeader     = "X-Worker-Token"
	passwordMinLen  = 12
)

var (
	dsn          = "postgres://worker:@@password@@@orders-db.prod.internal:5432/orders?sslmode=require"
	legacyDSN    = "root:@@password@@@tcp(legacy-db.internal:3306)/legacy?parseTime=true"
	githubToken  = os.Getenv("GITHUB_TOKEN")
	vaultToken   = "@@vault@@"
	hfToken      = "@@hf@@"
	apiSecret    = os.Getenv("WORKER_API_SECRET")
	buildVersion = "v1.14.2-0.20240318091522-9fceb02d0ae5"
)

type Config struct {
	Password string `json:"password" yaml:"password"`
	Token    string `json:"token,omitempty"`
	APIKey   string `env:"API_KEY"`
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), defaultTimeout)
	defer cancel()

	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.digitalocean.com/v2/account", nil)
	req.Header.Set("Authorization", "Bearer @@digitalocean@@")
	req.Header.Set(tokenHeader, os.Getenv("WORKER_TOKEN"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Status, githubToken != "", apiSecret != "", vaultToken != "", hfToken != "")

	tfReq, _ := http.NewRequest("GET", "https://app.terraform.io/api/v2/organizations/acme/workspaces", nil)
	tfReq.Header.Set("Authorization", "Bearer @@terraform-cloud@@")
	_ = tfReq
}
