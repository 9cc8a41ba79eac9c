namespace RefugeeHome.Approvals;

/// <summary>Where a link stands.</summary>
public enum ApprovalState
{
    /// <summary>Waiting for an answer.</summary>
    Open,

    /// <summary>Answered already.</summary>
    Answered,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>A newer link for the same question replaced it.</summary>
    Superseded,

    /// <summary>The workflow stopped asking the question, or has ended.</summary>
    Closed,

    /// <summary>Not a link this system issued.</summary>
    Unknown,
}

/// <summary>A link as its page shows it.</summary>
/// <param name="State">Where it stands.</param>
/// <param name="Language">Language of its pages (English when unknown).</param>
/// <param name="Title">The question.</param>
/// <param name="Choices">The answers offered.</param>
/// <param name="Answer">The answer given, once answered.</param>
public sealed record ApprovalLink(ApprovalState State, string Language, string Title, IReadOnlyList<ApprovalChoice> Choices, string? Answer)
{
    /// <summary>The link's id: the hash of its token, never the token.</summary>
    public string Id { get; init; } = "";

    /// <summary>The workflow that asked.</summary>
    public string InstanceId { get; init; } = "";

    /// <summary>What is asked.</summary>
    public string Purpose { get; init; } = "";

    /// <summary>Lines shown under the title.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>Values asked for with the choice.</summary>
    public IReadOnlyList<ApprovalField> Fields { get; init; } = [];

    /// <summary>A private document the page offers while the link is open.</summary>
    public string? DocumentName { get; init; }

    /// <summary>The page the link opens: <c>approve</c> or <c>upload</c>.</summary>
    public string Page { get; init; } = "approve";

    /// <summary>The role the link was sent to, if recorded.</summary>
    public string? Audience { get; init; }

    /// <summary>The household role the answer's note is passed on to; null when it stays with the staff.</summary>
    public string? NoteReaches { get; init; }

    internal static ApprovalLink Unknown { get; } = new(ApprovalState.Unknown, "en", "", [], null);
}

/// <summary>What answering a link did.</summary>
public enum RedeemOutcome
{
    /// <summary>The answer was recorded and passed on.</summary>
    Recorded,

    /// <summary>The same answer had been given before; nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>A different answer had been given before; this one was not recorded.</summary>
    AnsweredOtherwise,

    /// <summary>The link has expired.</summary>
    Expired,

    /// <summary>A newer link replaced this one.</summary>
    Superseded,

    /// <summary>The question is no longer asked; nothing was recorded.</summary>
    Closed,

    /// <summary>The answer is not one the link offers.</summary>
    InvalidChoice,

    /// <summary>A field is missing or not valid; nothing was recorded and the link stays open.</summary>
    InvalidValues,

    /// <summary>A guard refused the answer (for example the host was just matched elsewhere); the link stays open.</summary>
    Refused,

    /// <summary>Not a link this system issued.</summary>
    Unknown,
}

/// <summary>Why a field's value was refused.</summary>
public enum FieldProblemKind
{
    /// <summary>The chosen answer needs this field.</summary>
    Required,

    /// <summary>The value is not of the field's kind or not one of its options.</summary>
    Invalid,

    /// <summary>The number is above the field's maximum.</summary>
    AboveMaximum,

    /// <summary>The date is before the field's earliest date.</summary>
    TooEarly,
}

/// <summary>One refused field.</summary>
/// <param name="Field">The field.</param>
/// <param name="Kind">What is wrong.</param>
public sealed record FieldProblem(ApprovalField Field, FieldProblemKind Kind);

/// <summary>What answering a link did, with the link as it stands and the refused fields.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Link">The link.</param>
/// <param name="Problems">Refused fields when <paramref name="Outcome"/> is <see cref="RedeemOutcome.InvalidValues"/>.</param>
public sealed record Redemption(RedeemOutcome Outcome, ApprovalLink Link, IReadOnlyList<FieldProblem> Problems)
{
    /// <summary>Why a guard refused the answer, in the link's language.</summary>
    public string? Reason { get; init; }
}

/// <summary>A link as a case's timeline shows it: when it was issued, to whom, and how it was answered.</summary>
/// <param name="Link">The link as its page shows it.</param>
/// <param name="IssuedAt">When it was first issued.</param>
/// <param name="Token">Its token, for staff who answer from the console.</param>
public sealed record IssuedLink(ApprovalLink Link, DateTimeOffset IssuedAt, string Token)
{
    /// <summary>The role it was sent to.</summary>
    public string? Audience { get; init; }

    /// <summary>When it was answered.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Who answered: the role it was sent to, or the staff member who answered from the console.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>The note given with the answer.</summary>
    public string? Note { get; init; }

    /// <summary>The values given with the answer, by field name.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}
