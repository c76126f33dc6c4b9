// Assistenz-Netzwerk bot: everything one production deployment needs in one resource group.
//
//   az deployment group create -g <rg> -f infra/main.bicep \
//     -p @infra/main.parameters.json -p postgresAdminPassword=... botAppPassword=...
//
// The container's environment (botEnvironment below) is the complete production configuration
// of bot/settings.py; tests/unit/test_infra.py fails when a setting is missing or misspelled.
// See infra/README.md ("Produktivbetrieb") for the steps before and after this deployment.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Naming and placement
// ---------------------------------------------------------------------------------------------

@description('Short prefix for all resource names (lower case letters and digits).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'assistenz'

@description('Azure region for all regional resources (the bot registration itself is global).')
param location string = resourceGroup().location

@description('Tags put on every resource (cost centre, owner, ...).')
param tags object = {}

// Key Vault and PostgreSQL names are global DNS names: a suffix from the resource group keeps
// them unique without the admin having to invent one.
var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: 'id-${namePrefix}-bot'
  logs: 'log-${namePrefix}'
  insights: 'appi-${namePrefix}'
  keyVault: take('kv-${namePrefix}-${suffix}', 24)
  postgres: 'psql-${namePrefix}-${suffix}'
  environment: 'cae-${namePrefix}'
  vnet: 'vnet-${namePrefix}'
  app: 'ca-${namePrefix}-bot'
  migrationJob: 'caj-${namePrefix}-migrate'
  bot: 'bot-${namePrefix}-${suffix}'
}

// ---------------------------------------------------------------------------------------------
// Bot registration (Entra app registration created beforehand, see infra/README.md)
// ---------------------------------------------------------------------------------------------

@description('Application (client) id of the single-tenant Entra app registration of the bot.')
param botAppId string

@description('Entra tenant of the app registration; the bot only accepts this tenant (and allowedTenantIds).')
param botTenantId string = tenant().tenantId

@description('Client secret of the app registration. Written to Key Vault; leave empty when the secret "microsoft-app-password" is already there (rotation happens in Key Vault, not here).')
@secure()
param botAppPassword string = ''

@description('When the client secret expires in Entra (ISO 8601; az ad app credential list ... endDateTime); becomes the Key Vault secret\'s expiry. Empty = one year from the deployment.')
param botAppPasswordExpiresOn string = ''

@description('Display name of the bot in Azure.')
param botDisplayName string = 'Assistenz-Netzwerk'

@description('F0 is enough: Teams is a standard channel and its messages are free.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

// ---------------------------------------------------------------------------------------------
// Container image
// ---------------------------------------------------------------------------------------------

@description('Full image reference, e.g. myregistry.azurecr.io/assistenz-bot:0.1.0 (built from the Dockerfile).')
param containerImage string

@description('Name of an Azure Container Registry in this resource group to pull from with the managed identity; empty for a public image.')
param containerRegistryName string = ''

@description('Replicas that always run: two keep the bot answering during restarts and revision changes.')
@minValue(2)
param minReplicas int = 2

@description('Upper bound for the HTTP scale rule.')
param maxReplicas int = 5

// ---------------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------------

@description('Address space of the VNet; must not overlap networks it is ever peered with.')
param vnetAddressPrefix string = '10.40.0.0/22'

@description('Subnets inside vnetAddressPrefix: apps = Container Apps environment (/27 minimum, /23 leaves room to scale), postgres = PostgreSQL (delegated), privateEndpoints = Key Vault endpoint.')
param subnetPrefixes object = {
  apps: '10.40.0.0/23'
  postgres: '10.40.2.0/24'
  privateEndpoints: '10.40.3.0/24'
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

@description('Administrator login of the PostgreSQL server; the bot connects with it (see README for a dedicated role).')
param postgresAdminLogin string = 'assistenzbot'

@description('Password of the PostgreSQL administrator. Ends up only in Key Vault (inside DATABASE_URL).')
@secure()
param postgresAdminPassword string

@description('Compute size; Burstable B1ms serves a few thousand members comfortably.')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('Zone-redundant high availability doubles the cost; the bot tolerates a short failover.')
@allowed([
  'Disabled'
  'ZoneRedundant'
  'SameZone'
])
param postgresHighAvailability string = 'Disabled'

@description('Days of point-in-time restore; also bounds how long deleted personal data survives in backups.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

param databaseName string = 'assistenz_bot'

// ---------------------------------------------------------------------------------------------
// Application settings (bot/settings.py); defaults match a company in North Rhine-Westphalia
// ---------------------------------------------------------------------------------------------

@description('Further tenants whose activities are accepted besides botTenantId (usually none).')
param allowedTenantIds array = []

@description('Public https base URL when a custom domain is bound; empty = the Container Apps default domain.')
param publicBaseUrl string = ''

param logLevel string = 'INFO'

param timeZone string = 'Europe/Berlin'

@description('German state for public holidays (BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH).')
param holidayState string = 'NW'

param defaultLocale string = 'de-DE'

@description('auto = follow the Teams client locale; de/en pin one language.')
@allowed([
  'auto'
  'de'
  'en'
])
param botLanguage string = 'auto'

@description('Formal address ("Sie") instead of "du".')
param formalAddress bool = true

@description('Business hours before an unclaimed question goes to the next expert (a decimal number as text, Bicep has no floats).')
param routingEscalationHours string = '4'

@description('Business hours an asker has to answer "Worum geht es?" before the leading choice is asked (a decimal number as text).')
param routingClarifyHours string = '2'

param routingBusinessDayStart string = '08:00'

param routingBusinessDayEnd string = '17:00'

@description('Expert pool per Teams team: {"19:...@thread.tacv2": "pool"}; other teams and chats use "default".')
param routingPools object = {}

@description('Entra object ids of the bot admins (admin commands).')
param adminIds array = []

@description('Stammtisch organisers (Entra object ids); empty: whoever starts a poll organises it.')
param stammtischOrganiserIds array = []

@description('Mailbox that sends the Stammtisch invitation; empty: the organiser\'s own mailbox.')
param stammtischMailbox string = ''

@description('Blackout ranges for Stammtisch dates, e.g. school holidays: "2027-03-29..2027-04-09".')
param stammtischBlackout array = []

@description('Hours before the poll deadline at which non-voters are reminded.')
param stammtischReminderHours string = '24'

@description('Seconds between two updates of a poll card (Teams throttles card updates).')
param stammtischCardUpdateSeconds string = '2'

@description('Restricted rooms and their approvers: {"raum@firma.de": ["<Entra object id>"]}.')
param roomsRestricted object = {}

@description('Entra group whose members may request rooms; empty: everyone.')
param roomsRequesterGroup string = ''

param roomsMaxHours string = '10'

param roomsMaxDaysAhead string = '90'

@description('Mailbox that organises room bookings; empty: the requester\'s own mailbox.')
param roomsBookingMailbox string = ''

param roomsApprovalReminderHours string = '4'

@description('Entra group whose new members get a welcome and a buddy; empty: only team joins.')
param onboardingGroupId string = ''

@description('Teams whose new members are welcomed; empty: every team the bot is in.')
param onboardingTeamIds array = []

@description('Check-ins after these days of a pairing (JSON list).')
param onboardingCheckInDays string = '[7,28]'

param onboardingRepeatWindowDays string = '180'

param onboardingGroupPollMinutes string = '60'

@description('Kaffee- und Mittags-Roulette: weeks between two rounds.')
param rouletteIntervalWeeks string = '2'

@description('Birthdays (opt-in): reminders this many days before and on the day.')
param birthdayRemindDaysBefore string = '1'

@description('Days questions are kept after their answer (never answered: after asking).')
param retentionQuestionsDays string = '365'

@description('Days after a poll\'s month until its Stammtisch votes are anonymised (the tally stays).')
param retentionVotesDays string = '90'

@description('Days after the booked time until a room request and its audit trail are deleted.')
param retentionRoomRequestsDays string = '180'

@description('Days audit entries of room requests are kept.')
param retentionAuditDays string = '365'

@description('Days after its start until an onboarding (with its pairing) is deleted.')
param retentionOnboardingDays string = '365'

@description('Days after a scheduled job finished until it is deleted (pending jobs stay).')
param retentionJobsDays string = '30'

@description('Days after a member left a team (or the app left the team) until the member is deleted; also for delivery outcomes.')
param retentionMembersDays string = '30'


@description('Publisher shown in the Teams app package.')
param appDeveloperName string = 'Assistenz-Netzwerk'

param appDeveloperWebsiteUrl string = ''

@description('Privacy notice linked from the Teams app (docs/datenschutz.md published on the intranet).')
param appPrivacyUrl string = ''

param appTermsUrl string = ''

@description('Teams app id of the package; empty = the bot app id.')
param teamsAppId string = ''

@description('Id of the uploaded app in the Teams app catalogue (not the manifest id): lets the bot install its personal app for people outside its teams. Empty: no proactive install.')
param teamsAppCatalogId string = ''

@description('Days Log Analytics keeps logs; short on purpose (logs carry user and conversation ids).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

// ---------------------------------------------------------------------------------------------
// Identity, monitoring, database, secrets
// ---------------------------------------------------------------------------------------------

// One user-assigned identity for the app and the migration job: it pulls the image, reads the
// Key Vault secrets and calls Graph, and outlives any single container app revision.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.logs
    insightsName: names.insights
    retentionDays: logRetentionDays
  }
}

// PostgreSQL and Key Vault are reachable only from inside this VNet (no public endpoints).
module network 'network.bicep' = {
  name: 'network'
  params: {
    location: location
    tags: tags
    vnetName: names.vnet
    addressPrefix: vnetAddressPrefix
    subnetPrefixes: subnetPrefixes
  }
}

module postgres 'postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    tags: tags
    serverName: names.postgres
    databaseName: databaseName
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    highAvailability: postgresHighAvailability
    backupRetentionDays: postgresBackupRetentionDays
    delegatedSubnetId: network.outputs.postgresSubnetId
    privateDnsZoneId: network.outputs.postgresDnsZoneId
  }
}

// asyncpg needs the password URL-encoded and TLS requested explicitly (Azure enforces it).
var databaseUrl = 'postgresql+asyncpg://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.outputs.fqdn}:5432/${databaseName}?ssl=require'

module keyVault 'keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    vaultName: names.keyVault
    readerPrincipalId: identity.properties.principalId
    botAppPassword: botAppPassword
    botAppPasswordExpiresOn: botAppPasswordExpiresOn
    databaseUrl: databaseUrl
    privateEndpointSubnetId: network.outputs.privateEndpointsSubnetId
    privateDnsZoneId: network.outputs.vaultDnsZoneId
  }
}

module registryAccess 'registry-access.bicep' = if (!empty(containerRegistryName)) {
  name: 'registry-access'
  params: {
    registryName: containerRegistryName
    principalId: identity.properties.principalId
  }
}

module appEnvironment 'environment.bicep' = {
  name: 'container-apps-environment'
  params: {
    location: location
    tags: tags
    environmentName: names.environment
    workspaceName: monitoring.outputs.workspaceName
    infrastructureSubnetId: network.outputs.appsSubnetId
  }
}

// Known before the app exists, so the app can be told its own URL (APP_BASE_URL).
var appFqdn = '${names.app}.${appEnvironment.outputs.defaultDomain}'
var appBaseUrl = empty(publicBaseUrl) ? 'https://${appFqdn}' : publicBaseUrl

// ---------------------------------------------------------------------------------------------
// The bot's configuration: every production setting of bot/settings.py.
// Secrets are only references (Key Vault via the managed identity), never values.
// Deliberately absent (tests/unit/test_infra.py lists them): HOST/PORT (the image's CMD and
// ingress fix them), GRAPH_BASE_URL (default = global Graph), the client-secret and certificate
// settings of the other GRAPH_AUTH and bot credential variants, TO_BOT_FROM_CHANNEL_* and
// TO_CHANNEL_FROM_BOT_LOGIN_URL (sovereign clouds and tests only), DEDUP_WINDOW_SECONDS
// (technical default).
// ---------------------------------------------------------------------------------------------

var botSecrets = [
  {
    name: 'microsoft-app-password'
    keyVaultUrl: keyVault.outputs.botAppPasswordSecretUri
    identity: identity.id
  }
  {
    name: 'database-url'
    keyVaultUrl: keyVault.outputs.databaseUrlSecretUri
    identity: identity.id
  }
]

var botEnvironment = [
  {
    name: 'MODE'
    value: 'production'
  }
  {
    name: 'LOG_JSON'
    value: 'true'
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    name: 'MICROSOFT_APP_TYPE'
    value: 'SingleTenant'
  }
  {
    name: 'MICROSOFT_APP_ID'
    value: botAppId
  }
  {
    name: 'MICROSOFT_APP_TENANT_ID'
    value: botTenantId
  }
  {
    name: 'MICROSOFT_APP_PASSWORD'
    secretRef: 'microsoft-app-password'
  }
  {
    name: 'ALLOWED_TENANT_IDS'
    value: string(allowedTenantIds)
  }
  {
    name: 'DATABASE_URL'
    secretRef: 'database-url'
  }
  {
    name: 'GRAPH_AUTH'
    value: 'managed_identity'
  }
  {
    // Without the client id azure-identity would look for a system-assigned identity.
    name: 'GRAPH_MANAGED_IDENTITY_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'TIME_ZONE'
    value: timeZone
  }
  {
    name: 'HOLIDAY_STATE'
    value: holidayState
  }
  {
    name: 'DEFAULT_LOCALE'
    value: defaultLocale
  }
  {
    name: 'BOT_LANGUAGE'
    value: botLanguage
  }
  {
    name: 'FORMAL_ADDRESS'
    value: formalAddress ? 'true' : 'false'
  }
  {
    name: 'ROUTING_ESCALATION_HOURS'
    value: routingEscalationHours
  }
  {
    name: 'ROUTING_CLARIFY_HOURS'
    value: routingClarifyHours
  }
  {
    name: 'ROUTING_BUSINESS_DAY_START'
    value: routingBusinessDayStart
  }
  {
    name: 'ROUTING_BUSINESS_DAY_END'
    value: routingBusinessDayEnd
  }
  {
    // JSON, as pydantic-settings expects for dict and list settings.
    name: 'ROUTING_POOLS'
    value: string(routingPools)
  }
  {
    name: 'ADMIN_IDS'
    value: string(adminIds)
  }
  {
    name: 'STAMMTISCH_ORGANISER_IDS'
    value: string(stammtischOrganiserIds)
  }
  {
    name: 'STAMMTISCH_MAILBOX'
    value: stammtischMailbox
  }
  {
    name: 'STAMMTISCH_BLACKOUT'
    value: string(stammtischBlackout)
  }
  {
    name: 'STAMMTISCH_REMINDER_HOURS'
    value: stammtischReminderHours
  }
  {
    name: 'STAMMTISCH_CARD_UPDATE_SECONDS'
    value: stammtischCardUpdateSeconds
  }
  {
    name: 'ROOMS_RESTRICTED'
    value: string(roomsRestricted)
  }
  {
    name: 'ROOMS_REQUESTER_GROUP'
    value: roomsRequesterGroup
  }
  {
    name: 'ROOMS_MAX_HOURS'
    value: roomsMaxHours
  }
  {
    name: 'ROOMS_MAX_DAYS_AHEAD'
    value: roomsMaxDaysAhead
  }
  {
    name: 'ROOMS_BOOKING_MAILBOX'
    value: roomsBookingMailbox
  }
  {
    name: 'ROOMS_APPROVAL_REMINDER_HOURS'
    value: roomsApprovalReminderHours
  }
  {
    name: 'ONBOARDING_GROUP_ID'
    value: onboardingGroupId
  }
  {
    name: 'ONBOARDING_TEAM_IDS'
    value: string(onboardingTeamIds)
  }
  {
    name: 'ONBOARDING_CHECK_IN_DAYS'
    value: onboardingCheckInDays
  }
  {
    name: 'ONBOARDING_REPEAT_WINDOW_DAYS'
    value: onboardingRepeatWindowDays
  }
  {
    name: 'ONBOARDING_GROUP_POLL_MINUTES'
    value: onboardingGroupPollMinutes
  }
  {
    name: 'ROULETTE_INTERVAL_WEEKS'
    value: rouletteIntervalWeeks
  }
  {
    name: 'BIRTHDAY_REMIND_DAYS_BEFORE'
    value: birthdayRemindDaysBefore
  }
  {
    name: 'RETENTION_QUESTIONS_DAYS'
    value: retentionQuestionsDays
  }
  {
    name: 'RETENTION_VOTES_DAYS'
    value: retentionVotesDays
  }
  {
    name: 'RETENTION_ROOM_REQUESTS_DAYS'
    value: retentionRoomRequestsDays
  }
  {
    name: 'RETENTION_AUDIT_DAYS'
    value: retentionAuditDays
  }
  {
    name: 'RETENTION_ONBOARDING_DAYS'
    value: retentionOnboardingDays
  }
  {
    name: 'RETENTION_JOBS_DAYS'
    value: retentionJobsDays
  }
  {
    name: 'RETENTION_MEMBERS_DAYS'
    value: retentionMembersDays
  }
  {
    name: 'APP_BASE_URL'
    value: appBaseUrl
  }
  {
    name: 'APP_DEVELOPER_NAME'
    value: appDeveloperName
  }
  {
    name: 'APP_DEVELOPER_WEBSITE_URL'
    value: appDeveloperWebsiteUrl
  }
  {
    name: 'APP_PRIVACY_URL'
    value: appPrivacyUrl
  }
  {
    name: 'APP_TERMS_URL'
    value: appTermsUrl
  }
  {
    name: 'APP_TEAMS_APP_ID'
    value: teamsAppId
  }
  {
    name: 'TEAMS_APP_CATALOG_ID'
    value: teamsAppCatalogId
  }
  {
    // Read by the Azure Monitor OpenTelemetry distro, not by Settings.
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.appInsightsConnectionString
  }
]

module app 'containerapp.bicep' = {
  name: 'container-app'
  params: {
    location: location
    tags: tags
    appName: names.app
    migrationJobName: names.migrationJob
    environmentId: appEnvironment.outputs.id
    workloadProfileName: appEnvironment.outputs.workloadProfileName
    identityId: identity.id
    image: containerImage
    registryServer: empty(containerRegistryName) ? '' : '${containerRegistryName}.azurecr.io'
    secrets: botSecrets
    env: botEnvironment
    minReplicas: minReplicas
    maxReplicas: maxReplicas
  }
  // The identity must be allowed to read the secrets and pull the image before the first
  // revision starts, or the revision fails to provision.
  dependsOn: [
    registryAccess
  ]
}

module bot 'bot.bicep' = {
  name: 'bot-registration'
  params: {
    botName: names.bot
    displayName: botDisplayName
    sku: botSku
    appId: botAppId
    tenantId: botTenantId
    endpoint: '${appBaseUrl}/api/messages'
    tags: tags
  }
}

output botEndpoint string = '${appBaseUrl}/api/messages'
output appBaseUrl string = appBaseUrl
output containerAppName string = app.outputs.appName
output migrationJobName string = app.outputs.migrationJobName
output keyVaultName string = names.keyVault
output postgresServer string = postgres.outputs.fqdn
@description('Client id of the managed identity: Graph permissions and Exchange RBAC are granted to it.')
output managedIdentityClientId string = identity.properties.clientId
@description('Object id of the managed identity\'s service principal (for appRoleAssignments).')
output managedIdentityPrincipalId string = identity.properties.principalId
