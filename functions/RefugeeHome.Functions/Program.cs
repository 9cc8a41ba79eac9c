using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RefugeeHome.Functions;
using RefugeeHome.Hosting.Storage;
using RefugeeHome.Triggers;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<FailureAnswerMiddleware>();
builder.UseMiddleware<RequestLimitsMiddleware>();
if (string.Equals(builder.Configuration["Staff:SignIn"], "Development", StringComparison.OrdinalIgnoreCase))
{
    throw new InvalidOperationException("Staff__SignIn=Development lets anyone sign in as staff; in Azure staff sign in with AppService.");
}

var storage = StorageAccount.FromConfiguration(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
storage.AddDataClients(builder.Services);
builder.Services.AddStatistics(builder.Configuration);
builder.Services.AddWorkflows(builder.Configuration);
builder.Services.AddHostedService<StorageInitialization>();
builder.Build().Run();
