using AwesomeAssertions;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RefugeeHome.Hosting.Durable;
using RefugeeHome.Hosting.Storage;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>The runner's client answers as Durable Functions' client does, so what passes here passes in Azure.</summary>
public sealed class DurableTaskEngineClientTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task An_event_for_a_workflow_that_has_ended_is_refused_unless_the_durableTask_section_says_to_drop_it(bool? throwStatusExceptions, bool refused)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var registry = new DurableTaskRegistry();
        registry.AddOrchestratorFunc("Ends", (TaskOrchestrationContext _) => "ended");
        var options = new TaskHubOptions { HubName = "Raise" + Guid.NewGuid().ToString("N")[..12], ThrowStatusExceptionsOnRaiseEvent = throwStatusExceptions };
        options.StorageProvider.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500);
        await using var engine = DurableTaskEngine.Create(
            options, StorageAccount.FromConnectionString(azurite.ConnectionString), registry, new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        await engine.StartAsync();
        var ended = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Ends", cancellation: cancellation);
        await engine.Client.WaitForInstanceCompletionAsync(ended, cancellation);

        var raiseOnEnded = () => engine.Client.RaiseEventAsync(ended, "answer", "late", cancellation);
        var raiseOnUnknown = () => engine.Client.RaiseEventAsync("never-started", "answer", "late", cancellation);

        if (refused)
        {
            await raiseOnEnded.Should().ThrowAsync<InvalidOperationException>();
        }
        else
        {
            await raiseOnEnded.Should().NotThrowAsync();
        }

        await raiseOnUnknown.Should().NotThrowAsync("Durable Functions' client sends nothing to an instance that does not exist, and says nothing");
    }
}
