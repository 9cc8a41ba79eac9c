using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RefugeeHome.Runner.Health;

/// <summary>Reports whether the durable runtime runs and which share of the control partitions it works on.</summary>
internal sealed class DurableRuntimeHealthCheck(DurableRuntimeService service) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (service.Runtime is not { } runtime)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "The durable runtime has not started.",
                data: new Dictionary<string, object> { ["lastError"] = service.LastStartError ?? "starting" }));
        }

        var data = new Dictionary<string, object>
        {
            ["ownedPartitions"] = runtime.OwnedPartitions.Count.ToString(CultureInfo.InvariantCulture),
            ["activeInstances"] = runtime.ActiveInstances.ToString(CultureInfo.InvariantCulture),
        };
        return Task.FromResult(HealthCheckResult.Healthy("The durable runtime is running.", data));
    }
}
