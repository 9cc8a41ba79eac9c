using AwesomeAssertions;
using RefugeeHome.Durable.History;
using RefugeeHome.Durable.Replay;

namespace RefugeeHome.Durable.Tests;

public sealed class OrchestrationExecutorTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Replaying_recorded_history_reaches_the_same_point_and_schedules_only_the_next_step()
    {
        var executor = Executor(registry => registry.AddOrchestratorFunc<int, int>("Chain", async (context, input) =>
        {
            var first = await context.CallActivityAsync<int>("Double", input);
            var second = await context.CallActivityAsync<int>("Double", first);
            return second;
        }));
        var past = new List<HistoryEvent>();

        var episode1 = executor.Execute("chain-1", past, [new OrchestratorStarted(Start), new ExecutionStarted("Chain", "3", null)], null, "e1");
        past.AddRange(episode1.NewHistory);
        var episode2 = executor.Execute("chain-1", past, [new OrchestratorStarted(Start), new TaskCompleted(0, "6")], null, "e1");
        past.AddRange(episode2.NewHistory);
        var episode3 = executor.Execute("chain-1", past, [new OrchestratorStarted(Start), new TaskCompleted(1, "12")], null, "e1");

        episode1.NewHistory.OfType<TaskScheduled>().Should().ContainSingle().Which.Should().Be(new TaskScheduled(0, "Double", "3"));
        episode2.NewHistory.OfType<TaskScheduled>().Should().ContainSingle().Which.Should().Be(new TaskScheduled(1, "Double", "6"));
        episode3.Outcome.Should().Be(new ExecutionCompletedOutcome("12"));
    }

    [Fact]
    public void A_changed_activity_name_under_recorded_history_fails_with_a_non_determinism_error()
    {
        var past = new List<HistoryEvent>
        {
            new OrchestratorStarted(Start), new ExecutionStarted("Flow", null, null), new TaskScheduled(0, "SendWelcomeEmail", null),
        };
        var executor = Executor(registry => registry.AddOrchestratorFunc<object?, int>("Flow", async (context, _) =>
            await context.CallActivityAsync<int>("SendGoodbyeEmail")));

        var episode = executor.Execute("flow-1", past, [new OrchestratorStarted(Start), new TaskCompleted(0, null)], null, "e1");

        var failure = episode.Outcome.Should().BeOfType<ExecutionFailedOutcome>().Which.Failure;
        failure.ErrorType.Should().Be(typeof(NonDeterministicOrchestrationException).FullName);
        failure.ErrorMessage.Should().Contain("SendWelcomeEmail").And.Contain("SendGoodbyeEmail");
    }

    [Fact]
    public void Work_the_code_now_schedules_during_replay_but_history_lacks_is_a_non_determinism_error()
    {
        var past = new List<HistoryEvent>
        {
            new OrchestratorStarted(Start), new ExecutionStarted("Flow", null, null), new TimerCreated(0, Start.AddDays(1)),
        };
        var executor = Executor(registry => registry.AddOrchestratorFunc<object?, int>("Flow", async (context, _) =>
        {
            var timer = context.CreateTimer(Start.AddDays(1), CancellationToken.None);
            var extra = context.CallActivityAsync<int>("Audit");
            await Task.WhenAll(timer, extra);
            return 1;
        }));

        var episode = executor.Execute("flow-2", past, [new OrchestratorStarted(Start.AddDays(1)), new TimerFired(0, Start.AddDays(1))], null, "e1");

        episode.Outcome.Should().BeOfType<ExecutionFailedOutcome>()
            .Which.Failure.ErrorMessage.Should().Contain("activity 'Audit'");
    }

    [Fact]
    public void Events_raised_before_the_wait_are_buffered_and_delivered_in_order_each_once()
    {
        var executor = Executor(registry => registry.AddOrchestratorFunc<object?, string>("Collect", async (context, _) =>
        {
            await context.CreateTimer(Start.AddHours(1), CancellationToken.None);
            var first = await context.WaitForExternalEvent<string>("answer");
            var second = await context.WaitForExternalEvent<string>("answer");
            return first + "," + second;
        }));

        var episode = executor.Execute("collect-1", [], [
            new OrchestratorStarted(Start), new ExecutionStarted("Collect", null, null),
            new EventRaised("answer", "\"yes\"", "m1"), new EventRaised("answer", "\"no\"", "m2"), new EventRaised("answer", "\"late\"", "m3"),
            new TimerFired(0, Start.AddHours(1)),
        ], null, "e1");

        episode.Outcome.Should().Be(new ExecutionCompletedOutcome("\"yes,no\""));
    }

    [Fact]
    public void Waiting_with_a_timeout_cancels_the_wait_when_the_timer_fires_first()
    {
        var executor = Executor(registry => registry.AddOrchestratorFunc<object?, string>("Remind", async (context, _) =>
        {
            try
            {
                return await context.WaitForExternalEvent<string>("approved", TimeSpan.FromDays(3));
            }
            catch (TaskCanceledException)
            {
                return "reminder";
            }
        }));
        var first = executor.Execute("remind-1", [], [new OrchestratorStarted(Start), new ExecutionStarted("Remind", null, null)], null, "e1");

        var second = executor.Execute("remind-1", first.NewHistory, [new OrchestratorStarted(Start.AddDays(3)), new TimerFired(0, Start.AddDays(3))], null, "e1");

        first.NewHistory.OfType<TimerCreated>().Should().ContainSingle().Which.FireAt.Should().Be(Start.AddDays(3));
        second.Outcome.Should().Be(new ExecutionCompletedOutcome("\"reminder\""));
    }

    [Fact]
    public void Current_time_and_new_guids_are_the_same_on_every_replay()
    {
        var seen = new List<(DateTime Time, Guid Id)>();
        var executor = Executor(registry => registry.AddOrchestratorFunc<object?, int>("Stamp", async (context, _) =>
        {
            seen.Add((context.CurrentUtcDateTime, context.NewGuid()));
            await context.CreateTimer(Start.AddDays(7), CancellationToken.None);
            return 0;
        }));
        var first = executor.Execute("stamp-1", [], [new OrchestratorStarted(Start), new ExecutionStarted("Stamp", null, null)], null, "e1");

        executor.Execute("stamp-1", first.NewHistory, [new OrchestratorStarted(Start.AddDays(7)), new TimerFired(0, Start.AddDays(7))], null, "e1");

        seen.Should().HaveCount(2);
        seen[1].Should().Be(seen[0]);
        seen[0].Time.Should().Be(Start);
    }

    [Fact]
    public void A_continued_execution_gets_new_guids_even_at_the_same_moment()
    {
        var seen = new List<Guid>();
        var executor = Executor(registry => registry.AddOrchestratorFunc<object?, int>("Cycle", (context, _) =>
        {
            seen.Add(context.NewGuid());
            return Task.FromResult(0);
        }));

        executor.Execute("cycle-1", [], [new OrchestratorStarted(Start), new ExecutionStarted("Cycle", null, null)], null, "e1");
        executor.Execute("cycle-1", [], [new OrchestratorStarted(Start), new ExecutionStarted("Cycle", null, null)], null, "e2");

        seen.Should().OnlyHaveUniqueItems("a link or key made from one execution's GUID must not come back in the next");
    }

    [Fact]
    public void An_orchestrator_exception_fails_the_execution_with_its_type_and_message()
    {
        var executor = Executor(registry => registry.AddOrchestratorFunc<object?, int>("Broken", (_, _) =>
            throw new InvalidOperationException("guest household has no municipality")));

        var episode = executor.Execute("broken-1", [], [new OrchestratorStarted(Start), new ExecutionStarted("Broken", null, null)], null, "e1");

        episode.Outcome.Should().BeOfType<ExecutionFailedOutcome>().Which.Failure.Should().BeEquivalentTo(new
        {
            ErrorType = typeof(InvalidOperationException).FullName,
            ErrorMessage = "guest household has no municipality",
        });
    }

    [Fact]
    public void An_unknown_orchestrator_name_fails_the_execution_clearly()
    {
        var episode = Executor(_ => { }).Execute("ghost-1", [], [new OrchestratorStarted(Start), new ExecutionStarted("Ghost", null, null)], null, "e1");

        episode.Outcome.Should().BeOfType<ExecutionFailedOutcome>().Which.Failure.ErrorMessage.Should().Contain("'Ghost'");
    }

    private static OrchestrationExecutor Executor(Action<DurableTaskRegistry> register)
    {
        var registry = new DurableTaskRegistry();
        register(registry);
        return new OrchestrationExecutor(registry);
    }
}
