using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace RefugeeHome.Hosting.Configuration;

/// <summary>
/// Reads the <c>Values</c> section of an Azure Functions <c>local.settings.json</c> file, so that the local runner and
/// the Functions host understand the same setting names (<c>SendGrid__ApiKey</c> becomes <c>SendGrid:ApiKey</c>).
/// </summary>
public static class LocalSettingsConfigurationExtensions
{
    /// <summary>
    /// Adds the <c>Values</c> of <paramref name="path"/> when the file exists. Add environment variables after this
    /// source: as with Azure Functions Core Tools, a variable set in the environment wins over the file.
    /// </summary>
    public static IConfigurationBuilder AddLocalSettingsFile(this IConfigurationBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!File.Exists(path))
        {
            return builder;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var setting in section.EnumerateObject())
            {
                values[ToConfigurationKey(setting.Name)] = setting.Value.ValueKind == JsonValueKind.String
                    ? setting.Value.GetString()
                    : setting.Value.GetRawText();
            }
        }

        return builder.AddInMemoryCollection(values);
    }

    /// <summary>Maps an app-setting name to a configuration key the way environment variables are mapped.</summary>
    public static string ToConfigurationKey(string settingName) =>
        settingName.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
}
