using System.Globalization;

namespace RefugeeHome.Runner;

/// <summary>What the runner assumes when a setting is not given, so README's run command works on a fresh clone.</summary>
internal static class RunnerDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["TaskHubName"] = "RefugeeHome",
        ["SendGrid:From"] = "noreply@refugeehome.localhost",
        ["Statistics:Recipients"] = "statistics@ministry.localhost",

        // The runner is a local demo on the loopback address: staff sign in by picking a role.
        ["Staff:SignIn"] = "Development",
    };

    /// <summary>
    /// Approval links point at the runner itself unless <c>Approvals__BaseUrl</c> says otherwise, and without
    /// <c>Approvals__SigningKey</c> the runner makes one and keeps it beside the emulator's data, so links stay the same
    /// across restarts of a local demo. In Azure both come from configuration and Key Vault.
    /// </summary>
    public static void UseLocalApprovalSettingsWhenNone(IConfigurationManager configuration, RunnerOptions options, string repositoryRoot)
    {
        if (string.IsNullOrEmpty(configuration["Approvals:BaseUrl"]))
        {
            configuration["Approvals:BaseUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}/");
        }

        if (!string.IsNullOrEmpty(configuration["Approvals:SigningKey"]))
        {
            return;
        }

        var folder = Path.Combine(repositoryRoot, options.StorageDataFolder);
        var keyFile = Path.Combine(folder, "approval-signing-key");
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(keyFile, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        configuration["Approvals:SigningKey"] = File.ReadAllText(keyFile).Trim();
    }

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
