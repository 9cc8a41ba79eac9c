using RefugeeHome.Statistics;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Triggers.Staff;

/// <summary>The figures now, and the latest ministry report as sent.</summary>
/// <param name="Member">Who is signed in.</param>
/// <param name="Now">Each municipality's counts as they stand.</param>
/// <param name="Report">The latest report; null before the first is sent.</param>
public sealed record StatisticsView(StaffMember Member, IReadOnlyList<MunicipalityCounts> Now, PublishedReport? Report);

/// <summary>Households waiting and hosts available per region, now.</summary>
/// <param name="Member">Who is signed in.</param>
/// <param name="Regions">Each region, by name.</param>
public sealed record ShortagesView(StaffMember Member, IReadOnlyList<RegionBalance> Regions);
