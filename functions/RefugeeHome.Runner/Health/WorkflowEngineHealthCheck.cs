using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RefugeeHome.Hosting.Durable;

namespace RefugeeHome.Runner.Health;

/// <summary>Reports whether the Durable Task engine runs, and which share of the task hub's partitions it works on.</summary>
internal sealed class WorkflowEngineHealthCheck(WorkflowEngineService service, DurableTaskEngine engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!service.Started.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Unhealthy("The Durable Task engine has not started.",
                data: new Dictionary<string, object> { ["lastError"] = service.LastStartError ?? "starting" });
        }

        var data = new Dictionary<string, object>
        {
            ["ownedPartitions"] = (await engine.OwnedPartitionsAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture),
            ["partitions"] = engine.PartitionCount.ToString(CultureInfo.InvariantCulture),
        };
        return HealthCheckResult.Healthy("The Durable Task engine is running.", data);
    }
}
