using AwesomeAssertions;
using RefugeeHome.Durable.CrashWorker;
using RefugeeHome.Testing;

namespace RefugeeHome.Durable.Tests;

public sealed class RuntimeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Runs_a_chain_of_activities_to_its_result()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => ChainWorkflow.Register(registry));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(ChainWorkflow.Orchestrator, 7L);
        var result = await harness.CompletionAsync(id);

        result.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        result.ReadOutputAs<long>().Should().Be(ChainWorkflow.ExpectedOutput(7));
        (await harness.RowsOfAsync(id)).Where(row => row.RowKey.Contains("|H|", StringComparison.Ordinal)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Timers_of_months_fire_in_order_when_the_clock_is_fast_forwarded()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry.AddOrchestratorFunc<object?, List<int>>("Timers", async (context, _) =>
        {
            var timers = new[] { 90, 14, 30 }.ToDictionary(days => context.CreateTimer(TimeSpan.FromDays(days), CancellationToken.None), days => days);
            var fired = new List<int>();
            while (timers.Count > 0)
            {
                var next = await Task.WhenAny(timers.Keys);
                fired.Add(timers[next]);
                timers.Remove(next);
            }

            return fired;
        }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Timers");
        await harness.WaitUntilAsync(id, instance => instance.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        harness.Clock.Advance(TimeSpan.FromDays(91));
        var result = await harness.CompletionAsync(id);

        result.ReadOutputAs<List<int>>().Should().Equal(14, 30, 90);
        result.LastUpdatedAt.Should().BeOnOrAfter(RuntimeHarness.Start.AddDays(91));
    }

    [Fact]
    public async Task A_three_month_wait_wakes_once_its_timer_is_due_and_not_before()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry.AddOrchestratorFunc<object?, DateTime>("Stay", async (context, _) =>
        {
            await context.CreateTimer(context.CurrentUtcDateTime.AddMonths(3), CancellationToken.None);
            return context.CurrentUtcDateTime;
        }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Stay");
        await harness.WaitUntilAsync(id, instance => instance.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        harness.Clock.Advance(TimeSpan.FromDays(80));
        await Task.Delay(400);
        var early = await harness.Client.GetInstanceAsync(id);
        harness.Clock.Advance(TimeSpan.FromDays(20));
        var result = await harness.CompletionAsync(id);

        early!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Running);
        result.ReadOutputAs<DateTime>().Should().Be(RuntimeHarness.Start.UtcDateTime.AddDays(100));
    }

    [Fact]
    public async Task Events_raised_before_the_wait_are_delivered_in_order_and_once()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry.AddOrchestratorFunc<object?, string>("Inbox", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
            var received = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                received.Add(await context.WaitForExternalEvent<string>("Decision"));
            }

            using var none = new CancellationTokenSource();
            var fourth = context.WaitForExternalEvent<string>("Decision");
            var quiet = context.CreateTimer(TimeSpan.FromDays(1), none.Token);
            received.Add(await Task.WhenAny(fourth, quiet) == fourth ? "duplicate" : "none");
            return string.Join(",", received);
        }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Inbox");
        await harness.WaitUntilAsync(id, instance => instance.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        foreach (var decision in new[] { "screened", "vog-verified", "available" })
        {
            await harness.Client.RaiseEventAsync(id, "Decision", decision);
        }

        var result = await harness.AdvanceUntilCompletedAsync(id, TimeSpan.FromHours(12));

        result.ReadOutputAs<string>().Should().Be("screened,vog-verified,available,none");
    }

    [Fact]
    public async Task An_event_raised_again_with_the_same_id_is_delivered_once()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry.AddOrchestratorFunc<object?, string>("Answer", async (context, _) =>
        {
            var first = await context.WaitForExternalEvent<string>("Screened");
            await context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
            using var quiet = new CancellationTokenSource();
            var second = context.WaitForExternalEvent<string>("Screened", quiet.Token);
            var timeout = context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
            return first + "," + (await Task.WhenAny(second, timeout) == second ? second.Result : "once");
        }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Answer");
        await harness.Client.RaiseEventAsync(id, "Screened", "suitable", eventId: "link-7f3a");
        await harness.Client.RaiseEventAsync(id, "Screened", "suitable", eventId: "link-7f3a");
        await harness.WaitUntilAsync(id, instance => instance.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await Task.Delay(300);
        await harness.Client.RaiseEventAsync(id, "Screened", "suitable", eventId: "link-7f3a");
        var result = await harness.AdvanceUntilCompletedAsync(id, TimeSpan.FromHours(12));

        result.ReadOutputAs<string>().Should().Be("suitable,once");
        await Task.Delay(300);
        (await harness.DueRowsOfAsync(id)).Should().BeEmpty("repeated events are deleted, not left in the due index");
    }

    [Fact]
    public async Task Activity_failures_are_retried_by_policy_on_durable_timers()
    {
        var attempts = 0;
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry
            .AddActivityFunc<object?, string>("Flaky", (_, _) =>
                Interlocked.Increment(ref attempts) < 3 ? throw new TimeoutException("mail server busy") : Task.FromResult("sent"))
            .AddOrchestratorFunc<object?, string>("Send", async (context, _) =>
                await context.CallActivityAsync<string>("Flaky", options: TaskOptions.FromRetryPolicy(
                    new RetryPolicy(4, TimeSpan.FromMinutes(1), backoffCoefficient: 2)))));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Send");
        var result = await harness.AdvanceUntilCompletedAsync(id, TimeSpan.FromSeconds(30));

        result.ReadOutputAs<string>().Should().Be("sent");
        attempts.Should().Be(3);
        result.LastUpdatedAt.Should().BeOnOrAfter(RuntimeHarness.Start.AddMinutes(3), "the waits were 1 and 2 minutes");
    }

    [Fact]
    public async Task An_activity_that_keeps_failing_surfaces_as_a_typed_failure_after_the_last_attempt()
    {
        var attempts = 0;
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry
            .AddActivityFunc<object?, string>("Broken", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new ArgumentException("postcode is not Dutch");
            })
            .AddOrchestratorFunc<object?, string>("Catch", async (context, _) =>
            {
                try
                {
                    return await context.CallActivityAsync<string>("Broken", options: TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(10))));
                }
                catch (TaskFailedException failure)
                {
                    return $"{failure.TaskName}|{failure.FailureDetails.ErrorType}|{failure.FailureDetails.ErrorMessage}";
                }
            }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Catch");
        var result = await harness.AdvanceUntilCompletedAsync(id, TimeSpan.FromSeconds(10));

        result.ReadOutputAs<string>().Should().Be("Broken|System.ArgumentException|postcode is not Dutch");
        attempts.Should().Be(3);
    }

    [Fact]
    public async Task An_instance_that_fails_records_why()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry
            .AddActivityFunc<object?, int>("Reject", (_, _) => throw new InvalidOperationException("capacity is zero"))
            .AddOrchestratorFunc<object?, int>("Fails", async (context, _) => await context.CallActivityAsync<int>("Reject")));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Fails");
        var result = await harness.CompletionAsync(id);

        result.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed);
        result.FailureDetails!.ErrorType.Should().Be(typeof(TaskFailedException).FullName);
        result.FailureDetails.ErrorMessage.Should().Contain("Reject").And.Contain("capacity is zero");
    }

    [Fact]
    public async Task Sub_orchestrations_return_their_output_and_their_failures_to_the_parent()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => ChainWorkflow.Register(registry)
            .AddOrchestratorFunc<object?, int>("Failing", (_, _) => throw new InvalidOperationException("no host available"))
            .AddOrchestratorFunc<object?, string>("Parent", async (context, _) =>
            {
                var chained = await context.CallSubOrchestratorAsync<long>(ChainWorkflow.Orchestrator, 2L);
                try
                {
                    await context.CallSubOrchestratorAsync<int>("Failing");
                    return "unexpected";
                }
                catch (TaskFailedException failure)
                {
                    return $"{chained}|{failure.FailureDetails.ErrorMessage}";
                }
            }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        var result = await harness.CompletionAsync(id);

        result.ReadOutputAs<string>().Should().Be($"{ChainWorkflow.ExpectedOutput(2)}|no host available");
        (await harness.Client.GetInstanceAsync($"{id}:0"))!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
    }

    [Fact]
    public async Task Continue_as_new_trims_history_and_carries_unconsumed_events()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => ChainWorkflow.Register(registry)
            .AddOrchestratorFunc<int, string>("Cycle", async (context, round) =>
            {
                if (round < 12)
                {
                    await context.CallActivityAsync<long>(ChainWorkflow.Activity, new ChainWorkflow.StepInput(round, 1));
                    context.ContinueAsNew(round + 1);
                    return "continued";
                }

                return $"{round}:{await context.WaitForExternalEvent<string>("Stop")}";
            }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", 0);
        await harness.Client.RaiseEventAsync(id, "Stop", "retired");
        var result = await harness.CompletionAsync(id);

        result.ReadOutputAs<string>().Should().Be("12:retired");
        var historyRows = (await harness.RowsOfAsync(id)).Count(row => row.RowKey.Contains("|H|", StringComparison.Ordinal));
        historyRows.Should().BeLessThanOrEqualTo(3, "older executions' history is deleted");
    }

    [Fact]
    public async Task Starting_an_id_that_is_already_running_is_idempotent()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry.AddOrchestratorFunc<int, int>("Wait", async (context, input) =>
            input + await context.WaitForExternalEvent<int>("Add")));
        var options = new StartOrchestrationOptions("host-journey-42");

        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Wait", 1, options);
        var first = await harness.WaitUntilAsync("host-journey-42", instance => instance.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Wait", 100, options);
        await harness.Client.RaiseEventAsync("host-journey-42", "Add", 2);
        var result = await harness.CompletionAsync("host-journey-42");

        result.ReadOutputAs<int>().Should().Be(3, "the second start changed nothing");
        result.CreatedAt.Should().Be(first.CreatedAt);
    }

    [Fact]
    public async Task Terminate_query_and_purge_manage_instances()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry.AddOrchestratorFunc<object?, int>("Forever", async (context, _) =>
            await context.WaitForExternalEvent<int>("Never")));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await harness.WaitUntilAsync(id, instance => instance.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var running = await harness.Client.GetAllInstancesAsync(new OrchestrationQuery([OrchestrationRuntimeStatus.Running])).ToListAsync();
        var purgeRunning = () => harness.Client.PurgeInstanceAsync(id);
        await purgeRunning.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Terminate it first*");
        await harness.Client.TerminateInstanceAsync(id, "host withdrew");
        var terminated = await harness.CompletionAsync(id);
        var purged = await harness.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(RuntimeHarness.Start.AddDays(1)));

        running.Select(instance => instance.InstanceId).Should().Equal(id);
        terminated.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Terminated);
        terminated.ReadOutputAs<string>().Should().Be("host withdrew");
        purged.Should().Be(1);
        (await harness.Client.GetInstanceAsync(id)).Should().BeNull();
        (await harness.RowsOfAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Raising_an_event_for_an_unknown_instance_is_refused()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, _ => { });

        var raise = () => harness.Client.RaiseEventAsync("no-such-journey", "Approved");

        await raise.Should().ThrowAsync<InvalidOperationException>().WithMessage("*no-such-journey*");
    }

    [Fact]
    public async Task Changed_orchestrator_code_under_a_running_instance_fails_it_with_a_non_determinism_error()
    {
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry
            .AddActivityFunc<object?, int>("NotifyHost", (_, _) => Task.FromResult(1))
            .AddActivityFunc<object?, int>("NotifyGuest", (_, _) => Task.FromResult(2))
            .AddOrchestratorFunc<object?, int>("Flow", async (context, _) =>
                await context.CallActivityAsync<int>("NotifyHost") + await context.WaitForExternalEvent<int>("Go")));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
        await harness.WaitUntilAsync(id, instance => instance.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await Task.Delay(300);

        await harness.RestartWithAsync(registry => registry
            .AddActivityFunc<object?, int>("NotifyGuest", (_, _) => Task.FromResult(2))
            .AddOrchestratorFunc<object?, int>("Flow", async (context, _) =>
                await context.CallActivityAsync<int>("NotifyGuest") + await context.WaitForExternalEvent<int>("Go")));
        await harness.Client.RaiseEventAsync(id, "Go", 5);
        var result = await harness.CompletionAsync(id);

        result.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed);
        result.FailureDetails!.ErrorType.Should().Be(typeof(NonDeterministicOrchestrationException).FullName);
        result.FailureDetails.ErrorMessage.Should().Contain("NotifyHost").And.Contain("NotifyGuest");
    }

    [Fact]
    public async Task A_history_larger_than_one_batch_commits_and_replays()
    {
        const int fanOut = 300;
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry
            .AddActivityFunc<string, int>("Measure", (_, text) => Task.FromResult(text!.Length))
            .AddOrchestratorFunc<object?, int>("FanOut", async (context, _) =>
            {
                var lengths = await Task.WhenAll(Enumerable.Range(0, fanOut)
                    .Select(i => context.CallActivityAsync<int>("Measure", new string('x', 400 + i))));
                return lengths.Sum();
            }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("FanOut");
        var result = await harness.CompletionAsync(id);

        result.ReadOutputAs<int>().Should().Be(Enumerable.Range(0, fanOut).Sum(i => 400 + i));
        (await harness.RowsOfAsync(id)).Count(row => row.RowKey.Contains("|H|", StringComparison.Ordinal)).Should().BeGreaterThan(4);
    }

    [Fact]
    public async Task A_poison_episode_stops_after_a_bounded_number_of_attempts()
    {
        var runs = 0;
        await using var harness = await RuntimeHarness.StartAsync(azurite, registry => registry
            .AddActivityFunc<object?, string>("Oversized", (_, _) =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult(new string('x', 40_000));
            })
            .AddOrchestratorFunc<object?, int>("Poison", async (context, _) => (await context.CallActivityAsync<string>("Oversized")).Length));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Poison");
        var result = await harness.CompletionAsync(id);

        result.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed);
        result.FailureDetails!.ErrorType.Should().Be("PoisonWorkItem");
        result.FailureDetails.ErrorMessage.Should().Contain("5 failed attempts").And.Contain("Pass ids, not documents");
        runs.Should().Be(1, "the activity result was kept in memory across the attempts");
    }
}
