param(
    [Parameter(Mandatory = $true)][string] $Package,
    [string] $Source = "https://api.nuget.org/v3/index.json"
)

# The public packages (Kestrel.Dispatch.Client) go to nuget.org with the org's push key.
$ApiKey = $env:NUGET_API_KEY
if (-not $ApiKey) {
    $ApiKey = "@@nuget@@"
}
dotnet nuget push $Package --api-key $ApiKey --source $Source --skip-duplicate

# Internal feed uses the Azure Artifacts PAT from the agent's credential provider
dotnet nuget push $Package --source "kestrel-internal" --api-key az
