using RefugeeHome.Approvals;

namespace RefugeeHome.Workflows;

/// <summary>Who an email goes to. People are looked up by the ids of the notice; staff come from settings.</summary>
public enum Audience
{
    /// <summary>The host household's contact person.</summary>
    Host,

    /// <summary>The guest household (its own address, or its caseworker's).</summary>
    Guest,

    /// <summary>The guest household's municipal caseworker.</summary>
    Caseworker,

    /// <summary>The screener.</summary>
    Screener,

    /// <summary>The supervisor, for escalations.</summary>
    Supervisor,

    /// <summary>The matcher.</summary>
    Matcher,

    /// <summary>The connector.</summary>
    Connector,

    /// <summary>The first-week supporter.</summary>
    Supporter,
}

/// <summary>
/// An email a workflow sends: a template, a recipient, the ids it is about, facts that are not personal (dates,
/// amounts, codes) and optionally a question with a link. Notices travel through workflow history, so they hold ids
/// and codes only; the activity looks up names and addresses when it sends.
/// </summary>
/// <param name="Message">The template.</param>
/// <param name="To">The recipient.</param>
/// <param name="Case">The ids the notice is about.</param>
public sealed record Notice(string Message, Audience To, CaseIds Case)
{
    /// <summary>Facts shown in the email; a fact whose value is a code is also given as its label, under <c>{name}Label</c>.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    /// <summary>The question the email asks, with its link.</summary>
    public Ask? Ask { get; init; }

    /// <summary>An answered link whose note the email passes on (for example the reason a VOG was refused).</summary>
    public string? NoteOfLink { get; init; }
}

/// <summary>A notice on its way out: the workflow that asks its question, and the key it is sent once under.</summary>
/// <param name="InstanceId">The workflow instance whose question the notice's link answers.</param>
/// <param name="MessageKey">Made by the workflow, the same on every retry of the activity.</param>
/// <param name="Notice">The notice.</param>
public sealed record NoticeToSend(string InstanceId, string MessageKey, Notice Notice);

/// <summary>The households and placement a notice or step is about.</summary>
/// <param name="HostId">The host household.</param>
/// <param name="GuestId">The guest household.</param>
/// <param name="PlacementId">The placement.</param>
public sealed record CaseIds(string? HostId = null, string? GuestId = null, string? PlacementId = null);

/// <summary>
/// A question asked by link. Its title, choice labels and field labels come from the message's template in the
/// recipient's language (<c>title</c>, <c>choice.{value}</c>, <c>field.{name}</c>, <c>option.{value}</c>).
/// </summary>
/// <param name="Purpose">What is asked; the answer reaches the workflow as a signal with this purpose.</param>
/// <param name="IssueKey">The same key gives the same link, so a reminder repeats the link it reminds of.</param>
/// <param name="Choices">The answers offered.</param>
public sealed record Ask(string Purpose, string IssueKey, IReadOnlyList<string> Choices)
{
    /// <summary>Values asked for with the choice.</summary>
    public IReadOnlyList<AskField> Fields { get; init; } = [];

    /// <summary>A private document the page lets the recipient open.</summary>
    public string? DocumentName { get; init; }

    /// <summary>A standing link (withdraw, end early) that stays valid for the whole journey.</summary>
    public bool Standing { get; init; }

    /// <summary>When the link stops working, if the question has a deadline of its own (a VOG's upload deadline).</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>The page the link opens.</summary>
    public string Page { get; init; } = "approve";

    /// <summary>Links of one round stay valid together.</summary>
    public string? Round { get; init; }

    /// <summary>Who the answer's note is passed on to, when it leaves the staff (a VOG rejected: the host); null keeps it internal.</summary>
    public Audience? NoteFor { get; init; }
}

/// <summary>A value asked for with a question.</summary>
/// <param name="Name">The value's key.</param>
/// <param name="Kind">What kind of value.</param>
public sealed record AskField(string Name, ApprovalFieldKind Kind)
{
    /// <summary>Options of a select field.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Choices that need the field.</summary>
    public IReadOnlyList<string> RequiredFor { get; init; } = [];

    /// <summary>The highest number accepted.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>The earliest date accepted.</summary>
    public DateOnly? Earliest { get; init; }
}
