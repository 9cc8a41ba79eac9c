using AwesomeAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RefugeeHome.Triggers;
using RefugeeHome.Workflows;

namespace RefugeeHome.Functions.Tests;

/// <summary>
/// The Functions app has a twin of everything the runner hosts, read from the app's built <c>functions.metadata</c>:
/// each orchestrator and activity of the workflows' catalogue, each route the runner maps, each timer job.
/// </summary>
public sealed class FunctionsCatalogueTests
{
    private static readonly IReadOnlyList<FunctionTrigger> Functions = FunctionTrigger.ReadAll();

    [Fact]
    public void Every_orchestrator_of_the_catalogue_is_an_orchestration_trigger()
    {
        var catalogue = new DurableTaskRegistry().AddWorkflows().GetOrchestrators().Select(orchestrator => orchestrator.Key.Name);

        Named("orchestrationTrigger").Should().BeEquivalentTo(catalogue, $"every orchestrator the runner hosts needs its twin in {FunctionTrigger.MetadataPath}");
    }

    [Fact]
    public void Every_activity_of_the_catalogue_is_an_activity_trigger()
    {
        var catalogue = new DurableTaskRegistry().AddWorkflows().GetActivities().Select(activity => activity.Key.Name);

        Named("activityTrigger").Should().BeEquivalentTo(catalogue, $"every activity the runner hosts needs its twin in {FunctionTrigger.MetadataPath}");
    }

    [Fact]
    public void Every_route_the_runner_maps_is_an_http_trigger_with_the_same_method()
    {
        var functions = Functions.Where(function => function.Trigger == "httpTrigger")
            .SelectMany(function => function.Methods.Select(method => $"{method} {function.Route}"));

        functions.Should().BeEquivalentTo(RunnerRoutes(), $"every route the runner serves needs its twin in {FunctionTrigger.MetadataPath}");
    }

    [Fact]
    public void Every_timer_job_is_a_timer_trigger()
    {
        Named("timerTrigger").Should().BeEquivalentTo(TimerJobs.All.Select(job => job.Name));
    }

    [Fact]
    public void Nothing_but_the_catalogues_is_a_function()
    {
        Functions.Select(function => function.Trigger).Distinct().Should().BeSubsetOf(["httpTrigger", "timerTrigger", "orchestrationTrigger", "activityTrigger"]);
        Functions.Select(function => function.Name).Should().OnlyHaveUniqueItems();
    }

    private static IEnumerable<string> Named(string trigger) => Functions.Where(function => function.Trigger == trigger).Select(function => function.Name);

    // The routes as the runner maps them, each with its method.
    private static List<string> RunnerRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var configuration = new ConfigurationBuilder().Build();
        builder.Services.AddSingleton(TimeProvider.System).AddStatistics(configuration).AddWorkflows(configuration);
        builder.Services.AddSingleton<DurableTaskClient>(_ => throw new InvalidOperationException("No client is needed to map the routes."));
        var app = builder.Build();
        app.MapHttpRoutes();
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} {endpoint.RoutePattern.RawText}"))
            .ToList();
    }
}
