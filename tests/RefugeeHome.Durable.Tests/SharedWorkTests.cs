using System.Collections.Concurrent;
using AwesomeAssertions;
using Azure;
using RefugeeHome.Durable.CrashWorker;
using RefugeeHome.Durable.Storage;
using RefugeeHome.Testing;

namespace RefugeeHome.Durable.Tests;

public sealed class SharedWorkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_workers_on_one_hub_split_the_partitions_and_finish_all_work_running_each_step_once()
    {
        const int instances = 200;
        var hub = "shared" + Guid.NewGuid().ToString("N")[..10];
        var executions = new ConcurrentDictionary<(string Instance, int Task), int>();
        DurableTaskRegistry Registry() => new DurableTaskRegistry()
            .AddOrchestratorFunc<long, long>("Chain", async (context, seed) =>
            {
                var total = seed;
                for (var step = 1; step <= ChainWorkflow.Steps; step++)
                {
                    total = await context.CallActivityAsync<long>("Step", new ChainWorkflow.StepInput(total, step));
                }

                return total;
            })
            .AddActivityFunc<ChainWorkflow.StepInput, long>("Step", (context, input) =>
            {
                executions.AddOrUpdate((context.InstanceId, context.TaskId), 1, (_, count) => count + 1);
                return Task.FromResult((input!.Total * 10) + input.Step);
            });

        await using var first = await DurableRuntime.StartAsync(azurite.Tables(), Registry(), RuntimeHarness.Options(hub, TimeProvider.System, "worker-a"));
        await using var second = await DurableRuntime.StartAsync(azurite.Tables(), Registry(), RuntimeHarness.Options(hub, TimeProvider.System, "worker-b"));
        await WaitUntil(() => first.OwnedPartitions.Count == 2 && second.OwnedPartitions.Count == 2);
        for (var i = 0; i < instances; i++)
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync("Chain", (long)i, new StartOrchestrationOptions($"shared-{i:D4}"));
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        for (var i = 0; i < instances; i++)
        {
            var result = await first.Client.WaitForInstanceCompletionAsync($"shared-{i:D4}", true, cancellationToken: patience.Token);
            result.ReadOutputAs<long>().Should().Be(ChainWorkflow.ExpectedOutput(i));
        }

        first.OwnedPartitions.Should().NotIntersectWith(second.OwnedPartitions);
        first.EventsProcessed.Should().BeGreaterThan(0);
        second.EventsProcessed.Should().BeGreaterThan(0);
        executions.Should().HaveCount(instances * ChainWorkflow.Steps);
        executions.Values.Should().AllSatisfy(count => count.Should().Be(1, "no episode ran on both workers"));
    }

    [Fact]
    public async Task A_commit_based_on_a_stale_read_is_refused()
    {
        var store = new InstanceStore(azurite.Tables(), "etag" + Guid.NewGuid().ToString("N")[..10], 4);
        await store.CreateTablesAsync(TestContext.Current.CancellationToken);
        var created = new InstanceState
        {
            InstanceId = "placement-7", Partition = store.PartitionOf("placement-7"), Name = "Placement", ExecutionId = "e1",
            CreatedAt = RuntimeHarness.Start, LastUpdatedAt = RuntimeHarness.Start,
        };
        (await store.TryCreateAsync(created, RuntimeHarness.Start.UtcDateTime, TestContext.Current.CancellationToken)).Should().BeTrue();
        var readByA = (await store.LoadAsync("placement-7", TestContext.Current.CancellationToken))!;
        var readByB = (await store.LoadAsync("placement-7", TestContext.Current.CancellationToken))!;

        readByA.Status = OrchestrationRuntimeStatus.Running;
        await store.CommitAsync(new EpisodeCommit(readByA, [new History.OrchestratorStarted(RuntimeHarness.Start.UtcDateTime)], 0, [], [], []), TestContext.Current.CancellationToken);
        readByB.Status = OrchestrationRuntimeStatus.Completed;
        var staleCommit = () => store.CommitAsync(new EpisodeCommit(readByB, [new History.OrchestratorStarted(RuntimeHarness.Start.UtcDateTime)], 0, [], [], []), TestContext.Current.CancellationToken);

        (await staleCommit.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(412);
        var stored = (await store.LoadAsync("placement-7", TestContext.Current.CancellationToken))!;
        stored.Status.Should().Be(OrchestrationRuntimeStatus.Running);
        stored.History.Should().ContainSingle("the refused commit wrote none of its rows");
        (await store.TryCreateAsync(created, RuntimeHarness.Start.UtcDateTime, TestContext.Current.CancellationToken)).Should().BeFalse();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The workers did not balance their leases.");
            }

            await Task.Delay(100);
        }
    }
}
