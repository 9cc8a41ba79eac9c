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

    /// <summary>The answer is not one the link offers.</summary>
    InvalidChoice,

    /// <summary>Not a link this system issued.</summary>
    Unknown,
}
