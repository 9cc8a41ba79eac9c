using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using RefugeeHome.Durable;
using RefugeeHome.Hosting.Configuration;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Hosting.Storage;
using RefugeeHome.Runner;
using RefugeeHome.Runner.Health;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.Sources.Clear();
builder.Configuration
    .AddLocalSettingsFile(Path.Combine(RepositoryRoot.Find(), "local.settings.json"))
    .AddEnvironmentVariables()
    .AddCommandLine(args);

var runnerOptions = builder.Configuration.GetSection(RunnerOptions.Section).Get<RunnerOptions>() ?? new RunnerOptions();
var storage = StorageAccount.FromConfiguration(builder.Configuration);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{runnerOptions.Port}");
builder.Services.AddSingleton(runnerOptions);
builder.Services.AddSingleton(storage.CreateTableServiceClient());
builder.Services.AddSingleton(new DurableRuntimeOptions { Clock = runnerOptions.CreateClock() });
builder.Services.AddSingleton(new DurableTaskRegistry());
builder.Services.AddSingleton(storage.CreateBlobServiceClient());
builder.Services.AddHostedService<LocalStorageEmulatorService>();
builder.Services.AddSingleton<DurableRuntimeService>();
builder.Services.AddHostedService(services => services.GetRequiredService<DurableRuntimeService>());
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("storage")
    .AddCheck<DurableRuntimeHealthCheck>("durableRuntime");

var app = builder.Build();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.Lifetime.ApplicationStarted.Register(() => RunnerLog.Started(app.Logger, runnerOptions.Port));
await app.RunAsync();
