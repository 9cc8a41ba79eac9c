using System.Diagnostics;
using AwesomeAssertions;
using RefugeeHome.Durable.CrashWorker;
using RefugeeHome.Testing;

namespace RefugeeHome.Durable.Tests;

public sealed class CrashRecoveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Instances_survive_a_worker_killed_at_random_moments_and_complete_with_the_right_results()
    {
        const int instances = 120;
        const int kills = 5;
        var hub = "crash" + Guid.NewGuid().ToString("N")[..10];
        var workerId = "crash-worker";
        var client = await DurableRuntime.CreateClientAsync(
            azurite.Tables(), ChainWorkflow.Register(new DurableTaskRegistry()), RuntimeHarness.Options(hub, TimeProvider.System));
        var random = new Random(20261122);

        var worker = StartWorker(hub, workerId);
        var ids = new List<string>();
        for (var i = 0; i < instances; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(ChainWorkflow.Orchestrator, (long)i, new StartOrchestrationOptions($"chain-{i:D4}")));
        }

        for (var kill = 0; kill < kills; kill++)
        {
            await Task.Delay(random.Next(300, 1500));
            worker.Kill();
            await worker.WaitForExitAsync();
            worker.Dispose();
            worker = StartWorker(hub, workerId);
        }

        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            foreach (var (id, seed) in ids.Select((id, seed) => (id, (long)seed)))
            {
                var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken: patience.Token);
                result.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, id);
                result.ReadOutputAs<long>().Should().Be(ChainWorkflow.ExpectedOutput(seed), id);
            }
        }
        finally
        {
            worker.Kill();
            await worker.WaitForExitAsync();
            worker.Dispose();
        }
    }

    [Fact]
    public async Task Two_worker_processes_on_one_hub_split_the_partitions_and_finish_all_work()
    {
        const int instances = 150;
        var hub = "pair" + Guid.NewGuid().ToString("N")[..10];
        var client = await DurableRuntime.CreateClientAsync(
            azurite.Tables(), ChainWorkflow.Register(new DurableTaskRegistry()), RuntimeHarness.Options(hub, TimeProvider.System));
        using var first = StartWorker(hub, "worker-a");
        using var second = StartWorker(hub, "worker-b");
        try
        {
            var owners = await WaitForLeaseOwnersAsync(hub, expectedOwners: 2);
            for (var i = 0; i < instances; i++)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(ChainWorkflow.Orchestrator, (long)i, new StartOrchestrationOptions($"pair-{i:D4}"));
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            for (var i = 0; i < instances; i++)
            {
                var result = await client.WaitForInstanceCompletionAsync($"pair-{i:D4}", true, cancellationToken: patience.Token);
                result.ReadOutputAs<long>().Should().Be(ChainWorkflow.ExpectedOutput(i));
            }

            owners.Should().BeEquivalentTo(["worker-a", "worker-a", "worker-b", "worker-b"], "each worker holds half of the four partitions");
        }
        finally
        {
            first.Kill();
            second.Kill();
        }
    }

    private async Task<List<string>> WaitForLeaseOwnersAsync(string hub, int expectedOwners)
    {
        var leases = azurite.Tables().GetTableClient(hub + "Leases");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var owners = new List<string>();
            try
            {
                await foreach (var lease in leases.QueryAsync<Azure.Data.Tables.TableEntity>(lease => lease.PartitionKey == "lease"))
                {
                    owners.Add(lease.GetString("Owner"));
                }
            }
            catch (Azure.RequestFailedException exception) when (exception.Status == 404)
            {
                // The workers have not created the table yet.
            }

            if (owners.Count == RuntimeHarness.HarnessPartitions && owners.Distinct().Count() == expectedOwners && owners.All(owner => owner.Length > 0))
            {
                return owners;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The workers did not share the leases: {string.Join(", ", owners)}");
            }

            await Task.Delay(200);
        }
    }

    private Process StartWorker(string hub, string workerId)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "RefugeeHome.Durable.CrashWorker.dll"), azurite.ConnectionString, hub, workerId },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
