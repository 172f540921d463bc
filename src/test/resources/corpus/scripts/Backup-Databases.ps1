<#
.SYNOPSIS
  Nightly SQL Server backup to Azure blob storage.
#>
param(
    [string]$Server = "sql01.corp.acme.local",
    [SecureString]$Password
)

$ErrorActionPreference = "Stop"
$storageAccount = "acmebackups"
$storageKey = "@@azure-storage-key@@"
$connectionString = "DefaultEndpointsProtocol=https;AccountName=acmebackups;AccountKey=@@azure-storage-key@@;EndpointSuffix=core.windows.net"
$sqlPassword = ConvertTo-SecureString "@@password@@" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("sa", $sqlPassword)
$apiToken = $env:BACKUP_API_TOKEN
$webhookSecret = Get-Secret -Name BackupWebhook -Vault AcmeVault

Invoke-Sqlcmd -ServerInstance $Server -Credential $cred -Query "BACKUP DATABASE [Orders] TO DISK = N'D:\bak\orders.bak'"
$ctx = New-AzStorageContext -StorageAccountName $storageAccount -StorageAccountKey $storageKey
Set-AzStorageBlobContent -File "D:\bak\orders.bak" -Container "sql" -Context $ctx -Force

$headers = @{ Authorization = "Bearer @@azure-client-secret@@" }
Invoke-RestMethod -Uri "https://ops.acme.io/api/backups" -Method Post -Headers $headers -Body (@{ db = "Orders" } | ConvertTo-Json)
Write-Host "Backup finished. Password policy: min 14 chars; token expires in 24h"
