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

        // README's run command starts a local demo on the loopback address: mail is kept in an outbox, staff sign in by picking a role.
        ["Runner:Development"] = "true",
    };

    /// <summary>
    /// The names the runner answers to: its loopback names, the host of its public address and any listed in
    /// <c>AllowedHosts</c>. A request for any other name is refused, so a web page cannot reach a runner on this machine
    /// through a name of its own that points here (DNS rebinding).
    /// </summary>
    public static IList<string> HostNames(IConfiguration configuration)
    {
        var named = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var publicHost = new Uri(configuration["Approvals:BaseUrl"]!).Host;
        return ["127.0.0.1", "localhost", "[::1]", publicHost, .. named];
    }

    /// <summary>
    /// A development runner lets staff pick a role unless another sign-in is set; any other runner refuses the
    /// development sign-in, which lets anyone in.
    /// </summary>
    public static void UseDevelopmentSignInOnlyInDevelopment(IConfigurationManager configuration, RunnerOptions options)
    {
        if (options.Development && string.IsNullOrEmpty(configuration["Staff:SignIn"]))
        {
            configuration["Staff:SignIn"] = "Development";
        }
        else if (!options.Development && string.Equals(configuration["Staff:SignIn"], "Development", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Staff__SignIn=Development lets anyone sign in as staff; it is offered only with Runner__Development=true.");
        }
    }

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
    /// A development runner without a SendGrid key keeps all mail: SendGrid's client is pointed at the runner's own
    /// sink, which takes mail sent with this run's own key only, and shows its catch at <c>/dev/outbox</c>. Returns true
    /// when the sink is in use. Any other runner needs a SendGrid key.
    /// </summary>
    public static bool UseLocalMailSinkWhenNoKey(IConfigurationManager configuration, RunnerOptions options)
    {
        if (!string.IsNullOrEmpty(configuration["SendGrid:ApiKey"]))
        {
            return false;
        }

        if (!options.Development)
        {
            throw new InvalidOperationException("Set SendGrid__ApiKey: without Runner__Development=true the runner sends real mail and keeps none.");
        }

        configuration["SendGrid:ApiKey"] = "local-sink-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        configuration["SendGrid:Host"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}");

        // The sink lists an email the moment it takes it, so nobody waits for it to show.
        configuration["SendGrid:ActivityDelay"] = "00:00:00";
        return true;
    }
}
