// Log Analytics receives the container logs (JSON lines, see bot/logging.py); Application
// Insights sits on the same workspace so traces and logs are queried together.

param location string
param tags object
param workspaceName string
param insightsName string

@description('Logs carry Entra/Teams ids and conversation ids: keep them no longer than needed.')
param retentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Client IP addresses are personal data and useless for a bot behind Bot Service.
    DisableIpMasking: false
    RetentionInDays: retentionDays
  }
}

output workspaceName string = workspace.name
output appInsightsConnectionString string = insights.properties.ConnectionString
