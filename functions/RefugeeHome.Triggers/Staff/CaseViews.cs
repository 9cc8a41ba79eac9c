using RefugeeHome.Cases;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Staff;

/// <summary>The console's list of cases: the filter as sent, a page of cases and the choices of the filter.</summary>
/// <param name="Member">Who is signed in.</param>
/// <param name="Filter">The filter as sent.</param>
/// <param name="Results">The page of cases.</param>
/// <param name="Municipalities">The municipalities cases are in.</param>
/// <param name="Provinces">The provinces cases are in.</param>
/// <param name="Form">The search form with the values sent.</param>
/// <param name="Now">When the list was made, which says what is overdue.</param>
public sealed record CaseListView(
    StaffMember Member, CaseFilter Filter, CaseResults Results, IReadOnlyList<string> Municipalities, IReadOnlyList<string> Provinces,
    FormState Form, DateTimeOffset Now)
{
    /// <summary>Whether the list shows who the households are.</summary>
    public bool ShowsIdentity => StaffAccess.SeesIdentity(Member);
}

/// <summary>One case with its timeline and the questions the member may answer.</summary>
/// <param name="Member">Who is signed in.</param>
/// <param name="Case">The case.</param>
/// <param name="Timeline">What happened, oldest first.</param>
/// <param name="Questions">Open questions the member may answer from here.</param>
/// <param name="Related">The households and placement the case is linked with that the member may open.</param>
/// <param name="Now">When the page was made.</param>
public sealed record CaseView(
    StaffMember Member, CaseSummary Case, IReadOnlyList<TimelineLine> Timeline, IReadOnlyList<OpenQuestion> Questions,
    IReadOnlyList<CaseSummary> Related, DateTimeOffset Now)
{
    /// <summary>Whether the page shows who the household is.</summary>
    public bool ShowsIdentity => StaffAccess.SeesIdentity(Member);

    /// <summary>The form that closes the case, for a coordinator while the case can be closed.</summary>
    public FormState? Close { get; init; }

    /// <summary>The id every form of the page is sent with: sending one twice acts once.</summary>
    public string Submission { get; init; } = "";

    /// <summary>The form that corrects the household's registration, for those who may.</summary>
    public CorrectionPanel? Correction { get; init; }

    /// <summary>The matcher's panel, on a waiting guest household.</summary>
    public MatchingPanel? Matching { get; init; }

    /// <summary>The form that erases a finished household's data, for a coordinator.</summary>
    public FormState? Erase { get; init; }

    /// <summary>What the member just did from this page, which the workflow may not show yet.</summary>
    public string? Done { get; init; }
}

/// <summary>What a line of the timeline records.</summary>
public enum TimelineLineKind
{
    /// <summary>The case entered a stage.</summary>
    Stage,

    /// <summary>An email was sent.</summary>
    Email,

    /// <summary>A question was asked by link.</summary>
    Asked,

    /// <summary>A question was answered.</summary>
    Answered,

    /// <summary>Staff acted from the console.</summary>
    Action,

    /// <summary>The household asked for something on its own page.</summary>
    Request,
}

/// <summary>A line of a case's timeline.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">What it records.</param>
/// <param name="Code">The stage, message, question title, answer or action.</param>
/// <param name="Role">Who, as the page names them: the role waited for, written to or asked, or who acted or answered.</param>
/// <param name="Note">The note given with an answer or the reason of an action.</param>
public sealed record TimelineLine(DateTimeOffset At, TimelineLineKind Kind, string Code, string? Role, string? Note);

/// <summary>An open question the signed-in member may answer.</summary>
/// <param name="Title">The question.</param>
/// <param name="Address">Its page.</param>
/// <param name="Audience">The role it was sent to.</param>
public sealed record OpenQuestion(string Title, Uri Address, string? Audience);

/// <summary>The development sign-in's form.</summary>
/// <param name="Form">The form's values, problems and anti-forgery field.</param>
/// <param name="Next">The console page to go to after signing in.</param>
public sealed record StaffSignInForm(FormState Form, string Next);
