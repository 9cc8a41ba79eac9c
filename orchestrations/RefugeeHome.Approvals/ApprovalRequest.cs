namespace RefugeeHome.Approvals;

/// <summary>
/// A question a workflow asks a person by email. Titles, details and labels are shown on the link's page in the
/// recipient's language; like everything stored with the link they name stages, dates and roles, never people.
/// </summary>
/// <param name="InstanceId">The orchestration that waits for the answer.</param>
/// <param name="EventName">The event the answer raises.</param>
/// <param name="Purpose">What is asked (for example <c>screening</c>); a newer link for the same purpose supersedes older ones.</param>
/// <param name="IssueKey">Names this issue of the link, the same on every retry (an activity's instance and task id).</param>
/// <param name="Language">Language of the pages: nl, en, uk or ru.</param>
/// <param name="Title">The question, in <paramref name="Language"/>.</param>
/// <param name="Choices">The answers offered.</param>
/// <param name="ExpiresAt">After this the link only says it has expired.</param>
public sealed record ApprovalRequest(
    string InstanceId, string EventName, string Purpose, string IssueKey, string Language, string Title,
    IReadOnlyList<ApprovalChoice> Choices, DateTimeOffset ExpiresAt)
{
    /// <summary>Lines shown under the title, such as the facts the question is about.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>Values asked for together with the choice.</summary>
    public IReadOnlyList<ApprovalField> Fields { get; init; } = [];

    /// <summary>A private document the page lets the recipient open while the link is open.</summary>
    public string? DocumentName { get; init; }

    /// <summary>
    /// Links issued in one round stay valid together (for example one per match proposal); a later round for the same
    /// purpose supersedes them all. Without a round each link is its own round.
    /// </summary>
    public string? Round { get; init; }

    /// <summary>The page the link opens: <c>approve</c> for a question, <c>upload</c> for a document upload.</summary>
    public string Page { get; init; } = "approve";

    /// <summary>The role the link is sent to (<c>host</c>, <c>screener</c>, …), for the case's timeline.</summary>
    public string? Audience { get; init; }

    /// <summary>The household role the answer's note is passed on to (<c>host</c>), which the page tells the writer; null when it stays with the staff.</summary>
    public string? NoteReaches { get; init; }
}

/// <summary>One answer offered by a link.</summary>
/// <param name="Value">What the workflow receives.</param>
/// <param name="Label">What the person reads, in the link's language.</param>
public sealed record ApprovalChoice(string Value, string Label);

/// <summary>Kinds of values a link can ask for.</summary>
public enum ApprovalFieldKind
{
    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A number of at least zero.</summary>
    Number,

    /// <summary>One of the field's options.</summary>
    Select,
}

/// <summary>A value asked for on a link's page. Values are typed facts (dates, amounts, options), never free text about people.</summary>
/// <param name="Name">Key the workflow reads the value under.</param>
/// <param name="Label">What the person reads.</param>
/// <param name="Kind">What kind of value.</param>
public sealed record ApprovalField(string Name, string Label, ApprovalFieldKind Kind)
{
    /// <summary>The options of a <see cref="ApprovalFieldKind.Select"/> field.</summary>
    public IReadOnlyList<ApprovalChoice> Options { get; init; } = [];

    /// <summary>Choices that need this field; for other choices it may be left empty.</summary>
    public IReadOnlyList<string> RequiredFor { get; init; } = [];

    /// <summary>The highest number accepted.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>Why a number above <see cref="Maximum"/> is refused, in the link's language.</summary>
    public string? MaximumReason { get; init; }

    /// <summary>The earliest date accepted.</summary>
    public DateOnly? Earliest { get; init; }
}

/// <summary>What a person posted on a link's page.</summary>
/// <param name="Choice">The chosen value.</param>
/// <param name="Note">Free text the person added; it stays with the link and never enters a workflow's history.</param>
/// <param name="Values">Field values by name.</param>
public sealed record ApprovalSubmission(string Choice, string? Note, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Who answered, when not the person the link was sent to: a staff member from the console.</summary>
    public string? AnsweredBy { get; init; }
}

/// <summary>
/// What the workflow receives when a link is answered: the choice, the typed values, and the link's id, under which an
/// activity can read the note. Free text never travels in workflow history.
/// </summary>
/// <param name="Purpose">What was asked; a workflow waiting on one event name tells its answers apart by it.</param>
/// <param name="Choice">The chosen value.</param>
/// <param name="Values">Field values by name, in invariant form.</param>
/// <param name="LinkId">The answered link's id.</param>
/// <param name="AnsweredAt">When it was answered.</param>
public sealed record ApprovalAnswer(string Purpose, string Choice, IReadOnlyDictionary<string, string> Values, string LinkId, DateTimeOffset AnsweredAt);
