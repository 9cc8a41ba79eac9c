using System.Text.RegularExpressions;

namespace RefugeeHome.Browser.Tests;

/// <summary>An email in the runner's outbox.</summary>
public sealed partial record OutboxEmail(string To, string Subject, string Html)
{
    /// <summary>The approval and upload links in the email, in order.</summary>
    public IReadOnlyList<string> Links => Link().Matches(Html).Select(match => match.Groups["url"].Value).ToList();

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/(?:approve|upload)/[^\"]+)\"")]
    private static partial Regex Link();
}
