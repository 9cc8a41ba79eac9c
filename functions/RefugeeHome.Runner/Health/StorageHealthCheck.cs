using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RefugeeHome.Runner.Health;

/// <summary>Reports whether the Table and Blob services of the configured account answer.</summary>
internal sealed class StorageHealthCheck(TableServiceClient tables, BlobServiceClient blobs) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var tableStatus = await ProbeAsync(() => tables.GetPropertiesAsync(timeout.Token));
        var blobStatus = await ProbeAsync(() => blobs.GetPropertiesAsync(timeout.Token));
        var data = new Dictionary<string, object> { ["tables"] = tableStatus, ["blobs"] = blobStatus };
        return tableStatus == Reachable && blobStatus == Reachable
            ? HealthCheckResult.Healthy("Storage answers.", data)
            : HealthCheckResult.Unhealthy("Storage does not answer.", data: data);
    }

    private const string Reachable = "reachable";

    private static async Task<string> ProbeAsync(Func<Task> probe)
    {
        try
        {
            await probe();
            return Reachable;
        }
        catch (Exception exception)
        {
            // Whatever failed (an HTTP error, a timeout, the SDK's AggregateException after its retries), storage did
            // not answer; the type says which.
            return $"unreachable: {exception.GetType().Name}";
        }
    }
}
