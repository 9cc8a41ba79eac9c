using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RefugeeHome.Hosting.Storage;

/// <summary>
/// The storage account named by the <c>AzureWebJobsStorage</c> setting, read the way Azure Functions reads it: either a
/// connection string (Azurite locally) or an identity-based connection (<c>AzureWebJobsStorage__accountName</c>, or
/// explicit <c>__tableServiceUri</c>, <c>__blobServiceUri</c> and <c>__queueServiceUri</c>, with an optional
/// user-assigned <c>__clientId</c>).
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The setting that names the storage account.</summary>
    public const string SettingName = "AzureWebJobsStorage";

    /// <summary>The connection string that points at Azurite on its default ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private readonly string? _connectionString;
    private readonly Uri? _tableServiceUri;
    private readonly Uri? _blobServiceUri;
    private readonly Uri? _queueServiceUri;
    private readonly TokenCredential? _credential;

    private StorageAccount(string connectionString) => _connectionString = connectionString;

    private StorageAccount(Uri tableServiceUri, Uri blobServiceUri, Uri queueServiceUri, TokenCredential credential)
    {
        _tableServiceUri = tableServiceUri;
        _blobServiceUri = blobServiceUri;
        _queueServiceUri = queueServiceUri;
        _credential = credential;
    }

    /// <summary>True when the account is the local emulator on its default ports.</summary>
    public bool IsDevelopmentStorage =>
        string.Equals(_connectionString?.Trim(), DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    /// <summary>Builds the account from a connection string.</summary>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageAccount(connectionString);
    }

    /// <summary>Reads the account from configuration, failing with the setting names to set when none is given.</summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.table.core.windows.net");
        var blobUri = section["blobServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.blob.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.queue.core.windows.net");
        if (tableUri is null || blobUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured. Set '{SettingName}' to a connection string (for example " +
                $"'{DevelopmentStorage}' for Azurite), or '{SettingName}__accountName' for an identity-based connection.");
        }

        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new StorageAccount(new Uri(tableUri), new Uri(blobUri), new Uri(queueUri), credential);
    }

    /// <summary>
    /// Registers the account's Table and Blob clients for the app's own data, every request watched by one
    /// <see cref="StorageFailureWatch"/>.
    /// </summary>
    public IServiceCollection AddDataClients(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services
            .AddSingleton<StorageFailureWatch>()
            .AddSingleton(provider => CreateTableServiceClient(provider.GetRequiredService<StorageFailureWatch>().Watching(new TableClientOptions())))
            .AddSingleton(provider => CreateBlobServiceClient(provider.GetRequiredService<StorageFailureWatch>().Watching(new BlobClientOptions())));
    }

    /// <summary>A client for the account's Table service.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        _connectionString is not null
            ? new TableServiceClient(_connectionString, options)
            : new TableServiceClient(_tableServiceUri, _credential, options);

    /// <summary>The account as the Durable Task engine's Azure Storage provider connects to it.</summary>
    public DurableTask.AzureStorage.StorageAccountClientProvider CreateDurableTaskClientProvider() =>
        _connectionString is not null
            ? new DurableTask.AzureStorage.StorageAccountClientProvider(_connectionString)
            : new DurableTask.AzureStorage.StorageAccountClientProvider(_blobServiceUri!, _queueServiceUri!, _tableServiceUri!, _credential!);

    /// <summary>A client for the account's Blob service.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        _connectionString is not null
            ? new BlobServiceClient(_connectionString, options)
            : new BlobServiceClient(_blobServiceUri, _credential, options);
}
