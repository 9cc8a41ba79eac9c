using System.Globalization;

namespace RefugeeHome.Statistics;

/// <summary>
/// The report of one day: per municipality and nationally, the current numbers of host and guest households and the
/// placements that started and ended that day. Numbers only.
/// </summary>
/// <param name="Date">The day reported on (Europe/Amsterdam).</param>
/// <param name="GeneratedAt">When the counts were read.</param>
/// <param name="SuppressBelow">Counts from 1 below this are shown as "&lt;N"; 0 when nothing is suppressed.</param>
/// <param name="Municipalities">One row per municipality, by name.</param>
public sealed record StatisticsReport(DateOnly Date, DateTimeOffset GeneratedAt, int SuppressBelow, IReadOnlyList<MunicipalityCounts> Municipalities)
{
    /// <summary>National totals of every metric, before suppression.</summary>
    public IReadOnlyDictionary<string, int> Totals { get; } = Metrics.All.ToDictionary(
        metric => metric, metric => Municipalities.Sum(row => row.Counts.GetValueOrDefault(metric)), StringComparer.Ordinal);

    /// <summary>A count as published: the number, or "&lt;N" when it is small enough to be suppressed.</summary>
    public string Publish(int count) =>
        SuppressBelow > 0 && count > 0 && count < SuppressBelow
            ? "<" + SuppressBelow.ToString(CultureInfo.InvariantCulture)
            : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The file name stem of the report: its date.</summary>
    public string Name => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
