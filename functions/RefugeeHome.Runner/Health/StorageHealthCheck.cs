using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RefugeeHome.Hosting.Storage;

namespace RefugeeHome.Runner.Health;

/// <summary>
/// Reports whether the Table and Blob services of the configured account answer now, and whether the app's requests
/// have been failing lately: answering but failing lately is degraded.
/// </summary>
internal sealed class StorageHealthCheck(TableServiceClient tables, BlobServiceClient blobs, StorageFailureWatch watch) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var tableStatus = await ProbeAsync(() => tables.GetPropertiesAsync(timeout.Token));
        var blobStatus = await ProbeAsync(() => blobs.GetPropertiesAsync(timeout.Token));
        var failures = watch.Now;
        var data = new Dictionary<string, object> { ["tables"] = tableStatus, ["blobs"] = blobStatus, ["failedRequests"] = failures.FailedRequests };
        AddWhenKnown(data, "failingSince", failures.FailingSince);
        AddWhenKnown(data, "lastFailureAt", failures.LastFailureAt);
        if (failures.LastPeriod is { } period)
        {
            data["lastFailingPeriod"] = period;
        }

        return (tableStatus, blobStatus, failures.FailingSince) switch
        {
            (Reachable, Reachable, null) => HealthCheckResult.Healthy("Storage answers.", data),
            (Reachable, Reachable, _) => HealthCheckResult.Degraded("Storage answers, but requests have failed lately.", data: data),
            _ => HealthCheckResult.Unhealthy("Storage does not answer.", data: data),
        };
    }

    private const string Reachable = "reachable";

    private static void AddWhenKnown(Dictionary<string, object> data, string key, DateTimeOffset? value)
    {
        if (value is { } known)
        {
            data[key] = known;
        }
    }

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
