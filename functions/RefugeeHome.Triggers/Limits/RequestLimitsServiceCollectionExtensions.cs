using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefugeeHome.Triggers.Coordinator;
using RefugeeHome.Triggers.Staff;

namespace RefugeeHome.Triggers.Limits;

/// <summary>Registers the request limits both hosts apply.</summary>
public static class RequestLimitsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RequestLimits"/> from <c>Limits__*</c>, validated when the host starts, the form reader's limits,
    /// the per-client rate limiter and the <see cref="RequestGate"/>.
    /// </summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimits>().Bind(configuration.GetSection(RequestLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RequestLimits>>().Value);
        services.AddOptions<FormOptions>().Configure<RequestLimits>((form, limits) =>
        {
            form.ValueCountLimit = limits.MaxFormFields;
            form.ValueLengthLimit = limits.MaxFieldChars * 4;
            form.KeyLengthLimit = 200;
        });
        services.AddSingleton(provider => AnonymousRequestLimiter.Create(
            provider.GetRequiredService<RequestLimits>(), provider.GetRequiredService<StaffSignIn>(), provider.GetRequiredService<CoordinatorAccess>()));
        services.AddSingleton<RequestGate>();
        return services;
    }
}
