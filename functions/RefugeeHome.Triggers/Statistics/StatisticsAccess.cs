namespace RefugeeHome.Triggers.Statistics;

/// <summary>Who may read the reports and run the job on demand (<c>Statistics__ApiKey</c>).</summary>
/// <param name="ApiKey">The key callers present in <c>X-Api-Key</c>; none refuses every caller.</param>
public sealed record StatisticsAccess(string? ApiKey);
