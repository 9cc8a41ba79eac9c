using AwesomeAssertions;
using Azure.Data.Tables;
using RefugeeHome.Durable.CrashWorker;
using RefugeeHome.Hosting.LocalStorage;

namespace RefugeeHome.Durable.Tests;

public sealed class StorageOutageTests
{
    [Fact]
    public async Task A_worker_rides_out_storage_going_away_and_coming_back()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var dataFolder = Directory.CreateTempSubdirectory("refugeehome-outage-");
        var options = new AzuriteOptions { BlobPort = LoopbackPorts.Free(), QueuePort = LoopbackPorts.Free(), TablePort = LoopbackPorts.Free(), DataFolder = dataFolder.FullName };
        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), options, cancellation);
        var tables = new TableServiceClient(azurite.ConnectionString);
        var runtimeOptions = RuntimeHarness.Options("outage", TimeProvider.System);
        await using var runtime = await DurableRuntime.StartAsync(tables, ChainWorkflow.Register(new DurableTaskRegistry())
            .AddOrchestratorFunc<object?, string>("Wait", async (context, _) => await context.WaitForExternalEvent<string>("Go")), runtimeOptions);
        var waiting = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Wait", cancellationToken: cancellation);
        await Task.Delay(500, cancellation);

        await azurite.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
        azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), options, cancellation);
        try
        {
            await runtime.Client.RaiseEventAsync(waiting, "Go", "after the outage", cancellationToken: cancellation);
            var chain = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(ChainWorkflow.Orchestrator, 3L, cancellationToken: cancellation);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));

            (await runtime.Client.WaitForInstanceCompletionAsync(waiting, true, cancellationToken: patience.Token)).ReadOutputAs<string>().Should().Be("after the outage");
            (await runtime.Client.WaitForInstanceCompletionAsync(chain, true, cancellationToken: patience.Token)).ReadOutputAs<long>().Should().Be(ChainWorkflow.ExpectedOutput(3));
        }
        finally
        {
            await runtime.DisposeAsync();
            await azurite.DisposeAsync();
            dataFolder.Delete(recursive: true);
        }
    }
}
