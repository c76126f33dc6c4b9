// Key Vault holds the two secrets of the deployment. Container Apps reads them through the
// managed identity (versionless URIs: a rotated secret is picked up without redeploying).
//
// Network: no public access. Container Apps reaches the vault through the private endpoint in
// the VNet (Container Apps is not one of Key Vault's "trusted services", so the firewall
// bypass alone would not let it in). Writing the secrets below is an ARM (control plane)
// operation and works without network access to the vault; reading or setting a secret from
// an admin machine does not (infra/README.md, "Secrets rotieren").

param location string
param tags object
param vaultName string

@description('Object id of the managed identity that may read the secrets.')
param readerPrincipalId string

@description('Bot client secret; empty keeps the secret already in the vault.')
@secure()
param botAppPassword string

@description('When the client secret expires in Entra (ISO 8601, e.g. 2027-03-01T00:00:00Z); empty = one year from now (the validity infra/README.md creates it with).')
param botAppPasswordExpiresOn string

// utcNow() is only allowed as a parameter default.
param deployedAt string = utcNow()

@description('DATABASE_URL including the password.')
@secure()
param databaseUrl string

@description('Subnet for the private endpoint of the vault.')
param privateEndpointSubnetId string

@description('Private DNS zone privatelink.vaultcore.azure.net linked to the VNet.')
param privateDnsZoneId string

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC instead of access policies: one permission model for the whole deployment.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    // Applies should public access ever be switched on again (e.g. briefly for an admin):
    // deny by default, trusted Azure services (such as Azure Backup) excepted.
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: []
      virtualNetworkRules: []
    }
  }
}

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-${vaultName}'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: vault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

// Registers the endpoint's address as <vault>.privatelink.vaultcore.azure.net in the zone.
resource privateEndpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'vaultcore'
        properties: {
          privateDnsZoneId: privateDnsZoneId
        }
      }
    ]
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  // checkov's Bicep parser does not see the properties of a conditional resource; both are set.
  //checkov:skip=CKV_AZURE_41:exp is set below (attributes.exp); checkov misses it behind if()
  //checkov:skip=CKV_AZURE_114:contentType is set below; checkov misses it behind if()
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: botAppPassword
    contentType: 'Client secret of the bot app registration'
    // The secret stops working in Entra at this moment; Key Vault shows the date and raises
    // the SecretNearExpiry event 30 days before it. (Key Vault still returns an expired
    // secret; the expiry is the rotation reminder, not an outage.)
    attributes: {
      exp: dateTimeToEpoch(empty(botAppPasswordExpiresOn) ? dateTimeAdd(deployedAt, 'P1Y') : botAppPasswordExpiresOn)
    }
  }
}

// No expiry: the value is rewritten from postgresAdminPassword by every deployment, so an exp
// computed here would move with each deployment instead of marking when the password must
// change; PostgreSQL passwords do not expire. Rotation is a documented manual step
// (infra/README.md, "Secrets rotieren").
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  //checkov:skip=CKV_AZURE_41:rewritten by every deployment; PostgreSQL passwords do not expire, rotation documented
  parent: vault
  name: 'database-url'
  properties: {
    value: databaseUrl
    contentType: 'SQLAlchemy URL of the bot database'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Versionless URIs, built from the vault so they exist even when no password was passed.
// Consumers of these outputs wait for the whole module, role assignment included.
output botAppPasswordSecretUri string = '${vault.properties.vaultUri}secrets/microsoft-app-password'
output databaseUrlSecretUri string = '${vault.properties.vaultUri}secrets/${databaseUrlSecret.name}'
