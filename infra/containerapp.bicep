// The bot as a Container App, and the migration job that runs the same image with the same
// configuration. Both get their settings from main.bicep (botEnvironment), so the job can
// never migrate a different database than the app uses.

param location string
param tags object
param appName string
param migrationJobName string
param environmentId string

@description('Workload profile of the environment the app and the job run on.')
param workloadProfileName string
param identityId string
param image string

@description('Registry to pull from with the managed identity; empty for a public image.')
param registryServer string

@description('Container Apps secrets, each a Key Vault reference read with the managed identity.')
param secrets array

@description('Environment variables: { name, value } or { name, secretRef }.')
param env array

param minReplicas int
param maxReplicas int

// The port `assistenz-bot serve` listens on (Settings.port default, Dockerfile EXPOSE).
var port = 3978

var registries = empty(registryServer) ? [] : [
  {
    server: registryServer
    identity: identityId
  }
]

var identityConfig = {
  type: 'UserAssigned'
  userAssignedIdentities: {
    '${identityId}': {}
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: tags
  identity: identityConfig
  properties: {
    environmentId: environmentId
    workloadProfileName: workloadProfileName
    configuration: {
      // One active revision: a new image replaces the old one once its readiness probe passes.
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'http'
        allowInsecure: false
      }
      registries: registries
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          env: env
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          probes: [
            {
              // Process alive; restarts the replica when the event loop hangs.
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: port
              }
              initialDelaySeconds: 5
              periodSeconds: 15
              failureThreshold: 3
            }
            {
              // Database reachable; a replica that cannot reach PostgreSQL gets no traffic.
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: port
              }
              initialDelaySeconds: 3
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      // No terminationGracePeriodSeconds: the platform default (30 s) already exceeds the 20 s
      // `serve` takes after SIGTERM to finish in-flight turns.
      scale: {
        // At least two replicas: one can restart or move while the other answers Teams,
        // which retries slow deliveries and would otherwise show users an error.
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

// Migrations are a deliberate step per release (infra/README.md), never a side effect of a
// replica starting: two replicas starting at once would race on the schema.
resource migrationJob 'Microsoft.App/jobs@2024-03-01' = {
  name: migrationJobName
  location: location
  tags: tags
  identity: identityConfig
  properties: {
    environmentId: environmentId
    workloadProfileName: workloadProfileName
    configuration: {
      triggerType: 'Manual'
      manualTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
      }
      replicaTimeout: 900
      // Alembic runs every migration in a transaction; one retry covers a transient failure.
      replicaRetryLimit: 1
      registries: registries
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'migrate'
          image: image
          command: [
            'assistenz-bot'
          ]
          args: [
            'migrate'
          ]
          env: env
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
        }
      ]
    }
  }
}

output appName string = app.name
output migrationJobName string = migrationJob.name
output fqdn string = app.properties.configuration.ingress.fqdn
