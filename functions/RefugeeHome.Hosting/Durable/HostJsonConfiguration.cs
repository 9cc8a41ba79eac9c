using Microsoft.Extensions.Configuration;

namespace RefugeeHome.Hosting.Durable;

/// <summary>
/// Loads host.json the way the Functions host does: its settings appear under <see cref="Prefix"/>, where app settings
/// such as <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c> override them.
/// </summary>
public static class HostJsonConfiguration
{
    /// <summary>The section host.json's settings appear under.</summary>
    public const string Prefix = "AzureFunctionsJobHost";

    /// <summary>Adds the settings of the host.json at <paramref name="path"/>, if there is one.</summary>
    public static IConfigurationBuilder AddFunctionsHostJson(this IConfigurationBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var hostJson = new ConfigurationBuilder().AddJsonFile(path, optional: true).Build();
        return builder.AddInMemoryCollection(hostJson.AsEnumerable()
            .Where(setting => setting.Value is not null)
            .Select(setting => KeyValuePair.Create(Prefix + ConfigurationPath.KeyDelimiter + setting.Key, setting.Value)));
    }
}
