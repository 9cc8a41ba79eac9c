using AwesomeAssertions;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RefugeeHome.Hosting.Durable;
using RefugeeHome.Hosting.Storage;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>
/// The runner's client delivers, refuses and drops events as Durable Functions' client (3.18.0, Azure Storage provider)
/// does; in the Functions app a refusal reaches the caller as a gRPC error rather than an <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class DurableTaskEngineClientTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task An_event_reaches_a_waiting_workflow_and_one_for_a_workflow_that_has_ended_is_refused_unless_the_durableTask_section_says_to_drop_it(
        bool? throwStatusExceptions, bool refused)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var registry = new DurableTaskRegistry();
        registry.AddOrchestratorFunc("Waits", (TaskOrchestrationContext context) => context.WaitForExternalEvent<string>("answer"));
        var options = new TaskHubOptions { HubName = "Raise" + Guid.NewGuid().ToString("N")[..12], ThrowStatusExceptionsOnRaiseEvent = throwStatusExceptions };
        options.StorageProvider.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500);
        await using var engine = DurableTaskEngine.Create(
            options, StorageAccount.FromConnectionString(azurite.ConnectionString), registry, new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        await engine.StartAsync();
        var instanceId = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", cancellation: cancellation);
        await engine.Client.WaitForInstanceStartAsync(instanceId, cancellation);

        await engine.Client.RaiseEventAsync(instanceId, "answer", "in time", cancellation);
        var ended = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellation);
        var raiseOnEnded = () => engine.Client.RaiseEventAsync(instanceId, "answer", "late", cancellation);
        var raiseOnUnknown = () => engine.Client.RaiseEventAsync("never-started", "answer", "late", cancellation);

        ended.ReadOutputAs<string>().Should().Be("in time", "an event for a waiting workflow is delivered whatever the setting");
        if (refused)
        {
            await raiseOnEnded.Should().ThrowAsync<InvalidOperationException>();
        }
        else
        {
            await raiseOnEnded.Should().NotThrowAsync("the event is sent, and the engine drops it");
        }

        await raiseOnUnknown.Should().NotThrowAsync("an event for an instance that does not exist is never an error");
    }
}
