#!/usr/bin/env groovy
// Shared step: deployToDepot(depot: 'HAM', version: '4.12.1')
// Credentials are Jenkins credential IDs, resolved at run time.

def call(Map args = [:]) {
    String depot = args.depot ?: error('depot is required')
    String version = args.version ?: env.TAG_NAME

    withCredentials([
        usernamePassword(credentialsId: 'depot-winrm', usernameVariable: 'WINRM_USER', passwordVariable: 'WINRM_PASS'),
        string(credentialsId: 'octopus-api-key', variable: 'OCTOPUS_API_KEY'),
    ]) {
        powershell """
            \$secure = ConvertTo-SecureString \$env:WINRM_PASS -AsPlainText -Force
            \$cred = New-Object System.Management.Automation.PSCredential(\$env:WINRM_USER, \$secure)
            Invoke-Command -ComputerName depot-${depot.toLowerCase()}.kestrel.local -Credential \$cred -ScriptBlock { choco upgrade kestrel-dispatch --version ${version} -y }
        """
    }

    // Notify the depot channel; the old webhook still works and the new Slack app isn't approved yet.
    httpRequest(
        url: '@@slack-webhook@@',
        httpMode: 'POST',
        contentType: 'APPLICATION_JSON',
        requestBody: """{"text": "dispatch ${version} deployed to ${depot}"}"""
    )
}
