using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.DurableTask;
using RefugeeHome.Hosting.Configuration;
using RefugeeHome.Hosting.Durable;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Hosting.Storage;
using RefugeeHome.Runner;
using RefugeeHome.Runner.Health;
using RefugeeHome.Runner.LocalMail;
using RefugeeHome.Triggers;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;

var builder = WebApplication.CreateSlimBuilder(args);
var root = RepositoryRoot.Find();
builder.Configuration.Sources.Clear();
builder.Configuration
    .AddInMemoryCollection(RunnerDefaults.Settings)
    .AddFunctionsHostJson(Path.Combine(root, "host.json"))
    .AddLocalSettingsFile(Path.Combine(root, "local.settings.json"))
    .AddEnvironmentVariables()
    .AddCommandLine(args);

var runnerOptions = builder.Configuration.GetSection(RunnerOptions.Section).Get<RunnerOptions>() ?? new RunnerOptions();
var usesLocalMail = RunnerDefaults.UseLocalMailSinkWhenNoKey(builder.Configuration, runnerOptions);
RunnerDefaults.UseLocalApprovalSettingsWhenNone(builder.Configuration, runnerOptions, root);
var storage = StorageAccount.FromConfiguration(builder.Configuration);
var taskHub = TaskHubOptions.FromConfiguration(builder.Configuration);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{runnerOptions.Port}");
builder.Services.AddSingleton(runnerOptions);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(storage.CreateTableServiceClient());
builder.Services.AddSingleton(storage.CreateBlobServiceClient());
builder.Services.AddSingleton(provider => DurableTaskEngine.Create(
    taskHub, storage, new DurableTaskRegistry().AddWorkflows(), provider, provider.GetRequiredService<ILoggerFactory>()));
builder.Services.AddSingleton(provider => provider.GetRequiredService<DurableTaskEngine>().Client);
builder.Services.AddSingleton<LocalOutbox>();
builder.Services.AddStatistics(builder.Configuration);
builder.Services.AddWorkflows(builder.Configuration);
builder.Services.AddHostedService<LocalStorageEmulatorService>();
builder.Services.AddSingleton<WorkflowEngineService>();
builder.Services.AddHostedService(services => services.GetRequiredService<WorkflowEngineService>());
builder.Services.AddHostedService<ScheduledWork>();
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("storage")
    .AddCheck<WorkflowEngineHealthCheck>("workflowEngine");

var app = builder.Build();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.MapGet("/", (HttpContext context, PageRenderer pages) =>
    pages.RenderAsync<StartPage, StartLinks>(context, PageLanguage.Resolve(context), new StartLinks(usesLocalMail), StatusCodes.Status200OK));
app.MapHttpRoutes();
if (usesLocalMail)
{
    app.MapLocalMail();
}

app.Lifetime.ApplicationStarted.Register(() => RunnerLog.Started(app.Logger, runnerOptions.Port, usesLocalMail, taskHub.HubName));
await app.RunAsync();
