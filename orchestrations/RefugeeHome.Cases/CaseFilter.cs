namespace RefugeeHome.Cases;

/// <summary>What the console's list of cases is narrowed to. Empty values narrow nothing.</summary>
public sealed record CaseFilter
{
    /// <summary>Cases shown per page.</summary>
    public const int PageSize = 25;

    /// <summary>Host households, guest households or placements only.</summary>
    public CaseKind? Kind { get; init; }

    /// <summary>One stage only.</summary>
    public string? Stage { get; init; }

    /// <summary>One municipality only.</summary>
    public string? Municipality { get; init; }

    /// <summary>One province only.</summary>
    public string? Province { get; init; }

    /// <summary>Cases waiting for this role or person only.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>Overdue cases only.</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>Ended cases too (their data is kept until retention).</summary>
    public bool IncludeEnded { get; init; }

    /// <summary>A case number, name, email address or phone number, or part of one.</summary>
    public string? Text { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;
}

/// <summary>A page of cases, with how many match in all and how they spread over stages and waits.</summary>
/// <param name="Items">The cases of the page: overdue first, then longest waiting first.</param>
/// <param name="Total">How many match.</param>
/// <param name="Page">The page shown.</param>
/// <param name="PageCount">How many pages there are.</param>
/// <param name="Overdue">How many of those that match are overdue.</param>
/// <param name="Stages">How many that match the rest of the filter are in each stage.</param>
public sealed record CaseResults(IReadOnlyList<CaseSummary> Items, int Total, int Page, int PageCount, int Overdue, IReadOnlyDictionary<string, int> Stages);
