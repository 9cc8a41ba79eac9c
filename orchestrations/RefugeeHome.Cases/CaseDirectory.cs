using System.Globalization;

namespace RefugeeHome.Cases;

/// <summary>
/// The cases in memory, for the console to search and filter tens of thousands of them at once. The first request
/// reads the whole index; later ones read only the rows written since (by the storage's own timestamps, with a margin
/// for writes that were under way), at most every <see cref="CaseDirectoryOptions.RefreshAfter"/>, and the whole index
/// again every <see cref="CaseDirectoryOptions.ReloadAfter"/>.
/// </summary>
public sealed class CaseDirectory(CaseIndex index, CaseDirectoryOptions options, TimeProvider clock) : IDisposable
{
    // Rows written while a read was under way can carry a timestamp just before the newest it saw.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Dictionary<string, ListedCase> _cases = new(StringComparer.Ordinal);
    private ListedCase[] _snapshot = [];
    private DateTimeOffset? _newestWrite;
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public void Dispose() => _refreshing.Dispose();

    /// <summary>The cases <paramref name="visible"/> lets through that match <paramref name="filter"/>, a page of them.</summary>
    public async Task<CaseResults> SearchAsync(CaseFilter filter, Func<CaseSummary, bool> visible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(visible);
        var cases = await SnapshotAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var text = filter.Text?.Trim() is { Length: > 0 } typed ? typed : null;
        var caseNumber = text is null ? null : CaseNumbers.Normalize(text);
        var folded = text is null ? null : ListedCase.Fold(text);
        var digits = text is null ? null : ListedCase.Digits(text);

        bool Matches(ListedCase listed, bool byStage)
        {
            var summary = listed.Summary;
            return visible(summary)
                && (filter.IncludeEnded || !summary.Ended)
                && (filter.Kind is null || summary.Kind == filter.Kind)
                && (!byStage || filter.Stage is null || summary.Stage == filter.Stage)
                && (filter.Municipality is null || string.Equals(summary.Municipality, filter.Municipality, StringComparison.OrdinalIgnoreCase))
                && (filter.Province is null || string.Equals(summary.Province, filter.Province, StringComparison.OrdinalIgnoreCase))
                && (filter.WaitingFor is null || summary.WaitingFor == filter.WaitingFor)
                && (!filter.OverdueOnly || summary.IsOverdue(now))
                && (text is null || listed.Matches(text, caseNumber!, folded!, digits!));
        }

        var stages = cases.Where(listed => Matches(listed, byStage: false))
            .GroupBy(listed => listed.Summary.Stage, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var matching = cases.Where(listed => Matches(listed, byStage: true))
            .Select(listed => listed.Summary)
            .OrderByDescending(summary => summary.IsOverdue(now))
            .ThenBy(summary => summary.Since)
            .ThenBy(summary => summary.Id, StringComparer.Ordinal)
            .ToList();
        var pageCount = Math.Max(1, (matching.Count + CaseFilter.PageSize - 1) / CaseFilter.PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        return new CaseResults(
            matching.Skip((page - 1) * CaseFilter.PageSize).Take(CaseFilter.PageSize).ToList(),
            matching.Count, page, pageCount, matching.Count(summary => summary.IsOverdue(now)), stages);
    }

    /// <summary>Every municipality and province cases are in, for the filter's choices.</summary>
    public async Task<(IReadOnlyList<string> Municipalities, IReadOnlyList<string> Provinces)> PlacesAsync(CancellationToken cancellationToken)
    {
        var cases = await SnapshotAsync(cancellationToken);
        static List<string> Distinct(IEnumerable<string?> values) =>
            values.OfType<string>().Where(value => value.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return (Distinct(cases.Select(listed => listed.Summary.Municipality)), Distinct(cases.Select(listed => listed.Summary.Province)));
    }

    private async Task<ListedCase[]> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _refreshedAt < options.RefreshAfter)
        {
            return Volatile.Read(ref _snapshot);
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (now - _refreshedAt < options.RefreshAfter)
            {
                return _snapshot;
            }

            var reload = now - _loadedAt >= options.ReloadAfter;
            if (reload)
            {
                _cases.Clear();
                _newestWrite = null;
                _loadedAt = now;
            }

            await foreach (var (id, summary, writtenAt) in index.ChangedSinceAsync(_newestWrite - Overlap, cancellationToken))
            {
                if (summary is null)
                {
                    _cases.Remove(id);
                }
                else
                {
                    _cases[id] = new ListedCase(summary);
                }

                if (_newestWrite is null || writtenAt > _newestWrite)
                {
                    _newestWrite = writtenAt;
                }
            }

            Volatile.Write(ref _snapshot, [.. _cases.Values]);
            _refreshedAt = now;
            return _snapshot;
        }
        finally
        {
            _refreshing.Release();
        }
    }
}

/// <summary>How fresh the console's list of cases is (<c>Console__RefreshAfter</c>, <c>Console__ReloadAfter</c>).</summary>
public sealed class CaseDirectoryOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Console";

    /// <summary>How old the list may be before a request reads what changed.</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How old the list may be before a request reads the whole index again.</summary>
    public TimeSpan ReloadAfter { get; set; } = TimeSpan.FromMinutes(10);
}
