// The private network of the deployment: PostgreSQL and Key Vault have no public endpoint and
// are reachable only from the Container Apps environment in this VNet (issue 17: the old
// firewall rule 0.0.0.0 admitted every Azure tenant's addresses).
//
//   snet-apps               Container Apps environment (workload profiles, delegated)
//   snet-postgres           PostgreSQL Flexible Server, private access (delegated)
//   snet-private-endpoints  Key Vault private endpoint
//
// The private DNS zones make the services' usual host names resolve to private addresses
// inside the VNet, so DATABASE_URL and the Key Vault URIs stay the same as before.

param location string
param tags object
param vnetName string

@description('Address space of the VNet.')
param addressPrefix string

@description('Subnet prefixes inside addressPrefix: apps (at least /27 for a workload profiles environment; /23 leaves room to scale), postgres and privateEndpoints.')
param subnetPrefixes object

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    // Subnets inline (not child resources): a redeployment would otherwise try to delete
    // subnets that are in use.
    subnets: [
      {
        name: 'snet-apps'
        properties: {
          addressPrefix: subnetPrefixes.apps
          delegations: [
            {
              name: 'container-apps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        // PostgreSQL needs a subnet of its own (delegated, no other resources in it).
        name: 'snet-postgres'
        properties: {
          addressPrefix: subnetPrefixes.postgres
          delegations: [
            {
              name: 'postgres-flexible-server'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
      {
        name: 'snet-private-endpoints'
        properties: {
          addressPrefix: subnetPrefixes.privateEndpoints
        }
      }
    ]
  }
}

// PostgreSQL private access requires a zone ending in .postgres.database.azure.com; the server
// registers its A record here and its public name becomes a CNAME into this zone.
resource postgresZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource postgresZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: postgresZone
  name: '${vnetName}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

// The zone Azure documents for Key Vault private endpoints (vault.azure.net -> privatelink).
resource vaultZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
  tags: tags
}

resource vaultZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: vaultZone
  name: '${vnetName}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

output appsSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'snet-apps')
output postgresSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'snet-postgres')
output privateEndpointsSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'snet-private-endpoints')
// A module's outputs are available only after all its resources (the VNet links included) are
// deployed, so the server and the private endpoint never start before their zone resolves.
output postgresDnsZoneId string = postgresZone.id
output vaultDnsZoneId string = vaultZone.id
