// The Container Apps environment: shared network boundary and log destination of the bot app
// and its migration job.

param location string
param tags object
param environmentName string
param workspaceName string

@description('Subnet delegated to Microsoft.App/environments (network.bicep).')
param infrastructureSubnetId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    // In the VNet, so the apps reach PostgreSQL and Key Vault on their private addresses.
    // internal: false keeps the ingress public: Bot Service calls /api/messages from the
    // internet. The network type of an environment cannot be changed after creation.
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      internal: false
    }
    // Workload profiles environment (the type Azure recommends; the Consumption-only type does
    // not accept a delegated subnet). Apps run on the serverless Consumption profile.
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        // Read here rather than passed in, so the key never appears as a module parameter.
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

output id string = environment.id
output workloadProfileName string = 'Consumption'
output defaultDomain string = environment.properties.defaultDomain
