using Azure.Data.Tables;
using Azure.Storage.Blobs;
using RefugeeHome.Hosting.LocalStorage;
using Xunit;

namespace RefugeeHome.Testing;

/// <summary>
/// One in-memory Azurite on free loopback ports for a whole test assembly, started before its first test and stopped
/// after its last (register it with <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>). Tests isolate
/// themselves with <see cref="UniqueName"/> tables and containers.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The connection string of this run's emulator.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>The running emulator.</summary>
    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A Table service client for this run's emulator.</summary>
    public TableServiceClient Tables() => new(ConnectionString);

    /// <summary>A Blob service client for this run's emulator.</summary>
    public BlobServiceClient Blobs() => new(ConnectionString);

    /// <summary>A name no other test uses, valid for tables (letters and digits) and containers (lower case).</summary>
    public static string UniqueName(string prefix) =>
        (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();

    /// <inheritdoc />
    public async ValueTask InitializeAsync() =>
        _azurite = await AzuriteProcess.StartAsync(
            RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), TestContext.Current.CancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
