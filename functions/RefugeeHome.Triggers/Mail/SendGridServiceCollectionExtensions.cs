using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RefugeeHome.Notifications;
using SendGrid;

namespace RefugeeHome.Triggers.Mail;

/// <summary>The one SendGrid client every email goes through.</summary>
public static class SendGridServiceCollectionExtensions
{
    /// <summary>
    /// Adds SendGrid's client configured from <c>SendGrid__*</c>, and the once-per-key sending over it, once however many
    /// features ask for them. Expects a <see cref="TableServiceClient"/> and a <see cref="TimeProvider"/> to be registered.
    /// </summary>
    public static MailOptions AddSendGrid(this IServiceCollection services, IConfiguration configuration)
    {
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        services.TryAddSingleton(mail);
        services.TryAddSingleton<ISendGridClient>(_ => new SendGridClient(new SendGridClientOptions { ApiKey = mail.ApiKey, Host = mail.Host }));
        services.TryAddSingleton(provider => new SendGridOnce(
            provider.GetRequiredService<TableServiceClient>().GetTableClient(SendGridOnce.LogTable), provider.GetRequiredService<ISendGridClient>(), mail.ActivityDelay, provider.GetRequiredService<TimeProvider>()));
        return mail;
    }
}
