using System.Globalization;
using System.Text.Json;

namespace RefugeeHome.Statistics;

/// <summary>One row of a report as it was sent: a municipality, or "Nederland" with the totals, and each count as published.</summary>
/// <param name="Municipality">The municipality, or "Nederland".</param>
/// <param name="Counts">Each metric's count as published: a number, or "&lt;N" where it was suppressed.</param>
public sealed record PublishedRow(string Municipality, IReadOnlyDictionary<string, string> Counts)
{
    /// <summary>A metric's count as a number; null where it was suppressed.</summary>
    public int? Number(string metric) =>
        int.TryParse(Counts.GetValueOrDefault(metric), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>A report as the ministry received it, read back from its JSON file.</summary>
/// <param name="Date">The day reported on.</param>
/// <param name="SuppressBelow">Counts from 1 below this were sent as "&lt;N"; 0 when none were.</param>
/// <param name="Municipalities">The municipalities' rows, by name.</param>
/// <param name="Totals">The national row.</param>
public sealed record PublishedReport(DateOnly Date, int SuppressBelow, IReadOnlyList<PublishedRow> Municipalities, PublishedRow Totals)
{
    /// <summary>The name of the national row.</summary>
    public const string National = "Nederland";

    /// <summary>Reads the JSON that <see cref="ReportFormats.ToJson"/> wrote.</summary>
    public static PublishedReport Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var rows = root.GetProperty("municipalities").EnumerateArray().Select(row => new PublishedRow(
            row.GetProperty("municipality").GetString() ?? "",
            Metrics.All.ToDictionary(metric => metric, metric => row.TryGetProperty(metric, out var count) ? count.ToString() : "0", StringComparer.Ordinal))).ToList();
        var date = DateOnly.ParseExact(root.GetProperty("date").GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new PublishedReport(date, root.GetProperty("suppressBelow").GetInt32(), rows.Where(row => row.Municipality != National).ToList(), rows.Single(row => row.Municipality == National));
    }
}
