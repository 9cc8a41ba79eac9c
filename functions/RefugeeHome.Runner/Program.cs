using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using RefugeeHome.Durable;
using RefugeeHome.Hosting.Configuration;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Hosting.Storage;
using RefugeeHome.Runner;
using RefugeeHome.Runner.Health;
using RefugeeHome.Runner.LocalMail;
using RefugeeHome.Triggers;
using RefugeeHome.Triggers.Statistics;
using RefugeeHome.Workflows;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.Sources.Clear();
builder.Configuration
    .AddInMemoryCollection(RunnerDefaults.Settings)
    .AddLocalSettingsFile(Path.Combine(RepositoryRoot.Find(), "local.settings.json"))
    .AddEnvironmentVariables()
    .AddCommandLine(args);

var runnerOptions = builder.Configuration.GetSection(RunnerOptions.Section).Get<RunnerOptions>() ?? new RunnerOptions();
var usesLocalMail = RunnerDefaults.UseLocalMailSinkWhenNoKey(builder.Configuration, runnerOptions);
RunnerDefaults.UseLocalApprovalSettingsWhenNone(builder.Configuration, runnerOptions, RepositoryRoot.Find());
var storage = StorageAccount.FromConfiguration(builder.Configuration);
var clock = runnerOptions.CreateClock();
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{runnerOptions.Port}");
builder.Services.AddSingleton(runnerOptions);
builder.Services.AddSingleton(clock);
builder.Services.AddSingleton<TimeProvider>(clock);
builder.Services.AddSingleton(storage.CreateTableServiceClient());
builder.Services.AddSingleton(storage.CreateBlobServiceClient());
builder.Services.AddSingleton(new DurableRuntimeOptions { Clock = clock });
builder.Services.AddSingleton(provider => new DurableTaskRegistry().AddWorkflows(provider));
builder.Services.AddSingleton(provider => provider.GetRequiredService<DurableRuntimeService>().WaitForClient(TimeSpan.FromSeconds(60)));
builder.Services.AddSingleton<LocalOutbox>();
builder.Services.AddStatistics(builder.Configuration);
builder.Services.AddWorkflows(builder.Configuration);
builder.Services.AddHostedService<LocalStorageEmulatorService>();
builder.Services.AddSingleton<DurableRuntimeService>();
builder.Services.AddHostedService(services => services.GetRequiredService<DurableRuntimeService>());
builder.Services.AddHostedService<StatisticsScheduler>();
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("storage")
    .AddCheck<DurableRuntimeHealthCheck>("durableRuntime");

var app = builder.Build();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.MapPost("/api/statistics/run", (HttpRequest request, StatisticsTriggers statistics, CancellationToken cancellation) =>
    statistics.RunNowAsync(request, cancellation));
app.MapGet("/api/statistics/reports/{date}", (HttpRequest request, string date, StatisticsTriggers statistics, CancellationToken cancellation) =>
    statistics.GetReportAsync(request, date, cancellation));
app.MapWorkflowEndpoints();
if (usesLocalMail)
{
    app.MapLocalMail();
}

if (runnerOptions.ClockControl)
{
    app.MapClockControl();
}

app.Lifetime.ApplicationStarted.Register(() => RunnerLog.Started(app.Logger, runnerOptions.Port, usesLocalMail));
await app.RunAsync();
