// RefugeeHome in Azure: a Flex Consumption function app (.NET isolated worker) that reaches Storage and Key Vault with
// its user-assigned managed identity. No connection strings, no shared keys, no public blobs.
targetScope = 'resourceGroup'

@description('Short name of the environment, used in every resource name (for example refhome-prod).')
@minLength(3)
@maxLength(16)
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('.NET version of the isolated worker.')
param dotnetVersion string = '10.0'

@description('Days a deleted document blob can be restored before it is gone for good.')
@minValue(1)
@maxValue(365)
param deletedBlobRetentionDays int = 7

@description('Sender address of every email.')
param mailFrom string

@description('Addresses that receive the nightly ministry statistics, separated by semicolons.')
param ministryRecipients string

@description('Public base address of the approval and upload links in emails, ending in a slash (for example https://refugehome.example.org/). Links are built on it, never on a request\'s host.')
param linkBaseUrl string

@description('Durable Functions task hub: its queues, tables and blob containers in the storage account are named after it.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'RefugeeHome'

@description('Addresses of the roles the workflows write to.')
param staff object = {
  screener: 'screening@example.org'
  supervisor: 'supervisor@example.org'
  matcher: 'matching@example.org'
  connector: 'connector@example.org'
  supporter: 'support@example.org'
}

@description('Client id of the Entra ID app registration staff sign in with; its app roles are those of infra/staff-app-roles.json.')
param staffSignInClientId string

@description('Entra ID tenant of the staff sign-in.')
param staffSignInTenantId string = tenant().tenantId

var suffix = uniqueString(resourceGroup().id, environmentName)
var storageAccountName = take(toLower('st${replace(environmentName, '-', '')}${suffix}'), 24)
var deploymentContainerName = 'app-package'

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${environmentName}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: deletedBlobRetentionDays
    }
  }
}

// Documents (VOG certificates, reports) and the app package: private containers only.
resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for name in ['documents', 'statistics', deploymentContainerName]: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [storageBlobDataOwner, storageTableDataContributor, storageQueueDataContributor]: {
    scope: storage
    name: guid(storage.id, identity.id, role)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${replace(environmentName, '-', '')}${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: 90
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${environmentName}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${environmentName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${environmentName}'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${environmentName}-${suffix}'
  location: location
  kind: 'functionapp,linux'
  tags: {
    // azd deploys the service 'api' of azure.yaml to the resource with this tag.
    'azd-service-name': 'api'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The host, Durable Functions' Azure Storage provider and the app connect with the identity: blobs, queues
        // (the task hub's control and work-item queues) and tables (history, instances, partition leases).
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'TaskHubName', value: taskHubName }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'SendGrid__ApiKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=SendGrid--ApiKey)' }
        { name: 'SendGrid__From', value: mailFrom }
        { name: 'Statistics__Recipients', value: ministryRecipients }
        { name: 'Statistics__ApiKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=Statistics--ApiKey)' }
        { name: 'Approvals__BaseUrl', value: linkBaseUrl }
        { name: 'Approvals__SigningKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=Approvals--SigningKey)' }
        { name: 'Coordinator__ApiKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=Coordinator--ApiKey)' }
        { name: 'Workflows__ScreenerEmail', value: staff.screener }
        { name: 'Workflows__SupervisorEmail', value: staff.supervisor }
        { name: 'Workflows__MatcherEmail', value: staff.matcher }
        { name: 'Workflows__ConnectorEmail', value: staff.connector }
        { name: 'Workflows__SupporterEmail', value: staff.supporter }
        { name: 'Staff__SignIn', value: 'AppService' }
        // App Service's front end writes the client's address last in X-Forwarded-For; the per-client request limits key on it.
        { name: 'Limits__ClientAddressHeader', value: 'X-Forwarded-For' }
        { name: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=StaffSignIn--ClientSecret)' }
      ]
    }
  }
  dependsOn: [
    storageRoles
    vaultRole
    insightsRole
  ]
}

// Staff sign in with Entra ID through App Service authentication; every other request passes anonymously, because
// households and the email links work without an account. The app reads who signed in, and their app roles, from the
// principal header the platform sets.
resource staffSignIn 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${staffSignInTenantId}/v2.0'
          clientId: staffSignInClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        validation: {
          allowedAudiences: [
            'api://${staffSignInClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

@description('Host name of the function app; approval links are built on it.')
output appHostName string = app.properties.defaultHostName

@description('Durable Functions task hub of the app.')
output taskHubName string = taskHubName

@description('Client id of the managed identity the app runs as.')
output identityClientId string = identity.properties.clientId

@description('Key Vault for the app\'s secrets (SendGrid--ApiKey, Statistics--ApiKey, StaffSignIn--ClientSecret), read through Key Vault references with the managed identity.')
output keyVaultName string = vault.name
