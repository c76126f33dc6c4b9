// Key Vault holds the two secrets of the deployment. Container Apps reads them through the
// managed identity (versionless URIs: a rotated secret is picked up without redeploying).

param location string
param tags object
param vaultName string

@description('Object id of the managed identity that may read the secrets.')
param readerPrincipalId string

@description('Bot client secret; empty keeps the secret already in the vault.')
@secure()
param botAppPassword string

@description('DATABASE_URL including the password.')
@secure()
param databaseUrl string

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
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: botAppPassword
    contentType: 'Client secret of the bot app registration'
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
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
