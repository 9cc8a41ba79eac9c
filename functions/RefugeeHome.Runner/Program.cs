using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.DurableTask;
using RefugeeHome.Hosting.Configuration;
using RefugeeHome.Hosting.Durable;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Hosting.Storage;
using RefugeeHome.Runner;
using RefugeeHome.Runner.Health;
using RefugeeHome.Runner.LocalMail;
using RefugeeHome.Triggers;
using RefugeeHome.Triggers.Failures;
using RefugeeHome.Triggers.Limits;
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
RunnerDefaults.UseDevelopmentSignInOnlyInDevelopment(builder.Configuration, runnerOptions);
RunnerDefaults.UseLocalApprovalSettingsWhenNone(builder.Configuration, runnerOptions, root);
var storage = StorageAccount.FromConfiguration(builder.Configuration);
var taskHub = TaskHubOptions.FromConfiguration(builder.Configuration);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{runnerOptions.Port}");
builder.Services.AddHostFiltering(options => options.AllowedHosts = RunnerDefaults.HostNames(builder.Configuration));
builder.Services.AddSingleton(runnerOptions);
builder.Services.AddSingleton(TimeProvider.System);
storage.AddDataClients(builder.Services);
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
builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
builder.Services.AddOptions<RateLimiterOptions>().Configure<PartitionedRateLimiter<HttpContext>, RequestGate>((options, limiter, gate) =>
{
    options.GlobalLimiter = limiter;
    options.OnRejected = (rejected, _) => new ValueTask(gate.RefuseAsync(rejected.HttpContext, rejected.Lease));
});
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("storage")
    .AddCheck<WorkflowEngineHealthCheck>("workflowEngine");

var app = builder.Build();
app.UseHostFiltering();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandler = context => context.RequestServices.GetRequiredService<FailureAnswer>()
        .WriteAsync(context, context.Features.GetRequiredFeature<IExceptionHandlerFeature>().Error),

    // The storage failure watch logs when storage begins and ends failing; a stack trace per refused request adds nothing.
    SuppressDiagnosticsCallback = failure => FailureAnswer.IsStorageOutage(failure.Exception),
});
var gate = app.Services.GetRequiredService<RequestGate>();
app.Use((context, next) =>
{
    gate.LimitBody(context);
    return next(context);
});
app.UseRateLimiter();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.MapGet("/", (HttpContext context, PageRenderer pages) =>
    pages.RenderAsync<StartPage, StartLinks>(context, PageLanguage.Resolve(context), new StartLinks(usesLocalMail), StatusCodes.Status200OK));
app.MapHttpRoutes();
if (usesLocalMail)
{
    app.MapLocalMail(builder.Configuration["SendGrid:ApiKey"]!);
}

app.Lifetime.ApplicationStarted.Register(() => RunnerLog.Started(app.Logger, runnerOptions.Port, usesLocalMail, taskHub.HubName));
await app.RunAsync();
