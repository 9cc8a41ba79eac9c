using Microsoft.Extensions.Hosting;
using RefugeeHome.Triggers;

namespace RefugeeHome.Functions;

/// <summary>Creates the tables and containers the functions use before the first one runs, as the runner does.</summary>
internal sealed class StorageInitialization(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.InitializeStatisticsAsync(cancellationToken);
        await services.InitializeWorkflowsAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
