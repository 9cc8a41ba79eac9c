using System.Text.RegularExpressions;

namespace RefugeeHome.Browser.Tests;

/// <summary>An email in the runner's outbox.</summary>
public sealed partial record OutboxEmail(string To, string Subject, string Html)
{
    /// <summary>The approval and upload links in the email, in order.</summary>
    public IReadOnlyList<string> Links => Link().Matches(Html).Select(match => match.Groups["url"].Value).ToList();

    /// <summary>The household's own status page the email links to, if any.</summary>
    public string? StatusLink => Status().Match(Html) is { Success: true } found ? found.Groups["url"].Value : null;

    /// <summary>The case id of the household whose status page the email links to.</summary>
    public string? CaseId => Status().Match(Html) is { Success: true } found ? found.Groups["id"].Value : null;

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/status/(?<id>[a-z]+-[0-9a-f]{32})/[^\"]+)\"")]
    private static partial Regex Status();

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/(?:approve|upload)/[^\"]+)\"")]
    private static partial Regex Link();
}
