// Azure Database for PostgreSQL Flexible Server: the one database all bot replicas share
// (row locks and SKIP LOCKED keep scheduled jobs exactly-once across replicas).
//
// Network: private access only (VNet integration, network.bicep). The server lives in its
// delegated subnet, has no public endpoint and no firewall rules; only the Container Apps
// environment in the same VNet reaches it. TLS is still enforced by the server. Private access
// can only be chosen when a server is created (infra/README.md: moving an existing server).

param location string
param tags object
param serverName string
param databaseName string
param adminLogin string

@secure()
param adminPassword string

param skuName string
param skuTier string
param highAvailability string
param backupRetentionDays int

@description('Subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers.')
param delegatedSubnetId string

@description('Private DNS zone (*.postgres.database.azure.com) linked to the VNet.')
param privateDnsZoneId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      // Geo-redundant backups would copy personal data to the paired region; off by default.
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: highAvailability
    }
    network: {
      delegatedSubnetResourceId: delegatedSubnetId
      privateDnsZoneArmResourceId: privateDnsZoneId
      publicNetworkAccess: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
