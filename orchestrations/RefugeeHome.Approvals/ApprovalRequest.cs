namespace RefugeeHome.Approvals;

/// <summary>
/// A question a workflow asks a person by email. Titles and labels are shown on the link's page in the recipient's
/// language; like everything stored with the link they name stages and roles, never people.
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
    IReadOnlyList<ApprovalChoice> Choices, DateTimeOffset ExpiresAt);

/// <summary>One answer offered by a link.</summary>
/// <param name="Value">What the workflow receives.</param>
/// <param name="Label">What the person reads, in the link's language.</param>
public sealed record ApprovalChoice(string Value, string Label);

/// <summary>What the workflow receives when a link is answered.</summary>
/// <param name="Choice">The chosen value.</param>
/// <param name="Note">Free text the person added, if any.</param>
/// <param name="AnsweredAt">When it was answered.</param>
public sealed record ApprovalAnswer(string Choice, string? Note, DateTimeOffset AnsweredAt);
