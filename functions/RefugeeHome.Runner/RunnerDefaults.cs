using System.Globalization;

namespace RefugeeHome.Runner;

/// <summary>What the runner assumes when a setting is not given, so README's run command works on a fresh clone.</summary>
internal static class RunnerDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["SendGrid:From"] = "noreply@refugeehome.localhost",
        ["Statistics:Recipients"] = "statistics@ministry.localhost",
    };

    /// <summary>
    /// Without a SendGrid key the runner keeps all mail: SendGrid's client is pointed at the runner's own sink, whose
    /// catch is shown at <c>/dev/outbox</c>. Returns true when the sink is in use.
    /// </summary>
    public static bool UseLocalMailSinkWhenNoKey(IConfigurationManager configuration, RunnerOptions options)
    {
        if (!string.IsNullOrEmpty(configuration["SendGrid:ApiKey"]))
        {
            return false;
        }

        configuration["SendGrid:ApiKey"] = "local-sink";
        configuration["SendGrid:Host"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}");
        return true;
    }
}
