using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SendGrid;

namespace RefugeeHome.Triggers.Mail;

/// <summary>The one SendGrid client every email goes through.</summary>
public static class SendGridServiceCollectionExtensions
{
    /// <summary>Adds SendGrid's client configured from <c>SendGrid__*</c>, once however many features ask for it.</summary>
    public static MailOptions AddSendGrid(this IServiceCollection services, IConfiguration configuration)
    {
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        services.TryAddSingleton(mail);
        services.TryAddSingleton<ISendGridClient>(_ => new SendGridClient(new SendGridClientOptions { ApiKey = mail.ApiKey, Host = mail.Host }));
        return mail;
    }
}
