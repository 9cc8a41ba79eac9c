using System.Globalization;
using System.Text;

namespace RefugeeHome.Soak;

/// <summary>The soak's figures as a section of docs/BENCHMARKS.md, and whether the soak passed.</summary>
internal static class SoakReport
{
    private const string Begin = "<!-- soak: written by tests/RefugeeHome.Soak -->";
    private const string End = "<!-- /soak -->";
    private const string Matcher = "matching@refugeehome.localhost";

    public static SoakResult Of(
        int hosts, int placements, IReadOnlyList<TimeSpan> killedAt, int rounds, TimeSpan elapsed, SoakJourneys journeys,
        IReadOnlyList<SoakEmail> outbox, IReadOnlyDictionary<string, int> stages)
    {
        // The matcher's overview of each round carries the day in its subject, so rounds of one day share it.
        var twice = outbox.Where(email => email.To != Matcher).GroupBy(email => (email.To, email.Subject)).Where(group => group.Count() > 1).ToList();
        var expectedAvailable = hosts - placements;
        var lost = (hosts - journeys.Available) + (placements - journeys.Retired);
        var stalled = journeys.Unsettled(stages);
        var passed = lost == 0 && stalled == 0 && twice.Count == 0
            && stages.GetValueOrDefault("host Available") == expectedAvailable && stages.GetValueOrDefault("host Retired") == placements;
        var availability = journeys.AvailabilityLatencies.Select(latency => latency.TotalSeconds).ToList();
        var placement = journeys.PlacementLatencies.Select(latency => latency.TotalSeconds).ToList();
        var steps = hosts * 4 + placements * 9;

        var markdown = new StringBuilder();
        markdown.AppendLine(Begin);
        markdown.AppendLine(CultureInfo.InvariantCulture, $"## Soak with the runner killed ({DateTime.UtcNow:yyyy-MM-dd})");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"""
            {hosts:N0} host households registered over HTTP and walked through screening and the VOG as their people would (each action on
            the page its email links to), {placements:N0} of them matched with a guest household through the round's page, the introduction
            planned and agreed, moved in, the placement ended early with the host's own link and the host retired; the runner killed with
            SIGKILL {killedAt.Count} times at random moments and started again on the same storage. Nobody is reminded during the run, so
            every email is one that must go out exactly once. One run of:
            """);
        markdown.AppendLine();
        markdown.AppendLine("```");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"dotnet run -c Release --project tests/RefugeeHome.Soak -- {hosts} {placements} {killedAt.Count}");
        markdown.AppendLine("```");
        markdown.AppendLine();
        markdown.AppendLine("| figure | value |");
        markdown.AppendLine("|---|---|");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| wall time | {elapsed.TotalMinutes:F1} min |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| runner killed at | {string.Join(", ", killedAt.Select(at => $"{at.TotalMinutes:F1} min"))} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| rounds of matching started | {rounds} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| workflow steps driven by people (about) | {steps:N0}, {steps / elapsed.TotalMinutes:F0} a minute |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| registration → available, p50 / p95 | {Percentile(availability, 50):F0} s / {Percentile(availability, 95):F0} s |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| match approved → host retired, p50 / p95 | {Percentile(placement, 50):F0} s / {Percentile(placement, 95):F0} s |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| emails sent | {outbox.Count:N0} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| journeys lost (a step never came) | {lost} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| workflows stalled (not where they should be at the end) | {stalled} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| emails sent twice | {twice.Count} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| stages at the end | {string.Join(", ", stages.OrderBy(stage => stage.Key, StringComparer.Ordinal).Select(stage => $"{stage.Key}: {stage.Value}"))} |");
        foreach (var group in twice)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"\nSent {group.Count()} times: '{group.Key.Subject}' at {string.Join(", ", group.Select(email => email.ReceivedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}.");
        }

        markdown.AppendLine(End);
        return new SoakResult(markdown.ToString(), passed);
    }

    /// <summary>Replaces the soak's section of <paramref name="path"/>, or adds it at the end.</summary>
    public static void WriteInto(string path, string section)
    {
        var text = File.ReadAllText(path);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? text[..start] + section.TrimEnd() + text[(end + End.Length)..]
            : text.TrimEnd() + "\n\n" + section;
        File.WriteAllText(path, text);
    }

    private static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
