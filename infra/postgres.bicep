// Azure Database for PostgreSQL Flexible Server: the one database all bot replicas share
// (row locks and SKIP LOCKED keep scheduled jobs exactly-once across replicas).
//
// Network: public access restricted by the firewall rule below to Azure-internal traffic,
// TLS enforced by the server. That rule admits connections from any Azure subscription (the
// password still protects the server); for stricter isolation deploy the Container Apps
// environment into a VNet and use private access (delegated subnet + private DNS zone), see
// infra/README.md.

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
      publicNetworkAccess: 'Enabled'
    }
  }
}

// 0.0.0.0 - 0.0.0.0 is Azure's convention for "allow Azure services"; no internet addresses.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
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
