using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Notifications;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Staff;

/// <summary>
/// A case's timeline as a staff member reads it, in the language of their page whatever language each household
/// was written to in: stages, emails by their subject, questions by their title, answers by their choice with the
/// values given, and who did what by role and name. Notes only for the roles that see who a household is.
/// </summary>
public sealed class TimelineLines(CaseTimeline timeline, EmailTemplates templates)
{
    /// <summary>The timeline of <paramref name="caseId"/>, oldest first, with <paramref name="issued"/> the links it asked.</summary>
    public async Task<IReadOnlyList<TimelineLine>> ReadAsync(
        string caseId, IReadOnlyList<IssuedLink> issued, StaffMember member, PageText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(text);
        string? Label(string key) => templates.Label("", text.Language, key);
        var entries = await timeline.ReadAsync(caseId, cancellationToken);
        return entries.Select(entry => entry.Kind switch
            {
                TimelineKind.Stage => new TimelineLine(entry.At, TimelineLineKind.Stage, entry.Code, Waiting(text, entry.Role), null),
                TimelineKind.Email => new TimelineLine(entry.At, TimelineLineKind.Email, entry.Titles.GetValueOrDefault(text.Language) ?? entry.Code,
                    text.Label("role", entry.Role, CaseCodes.Roles), null),
                _ => new TimelineLine(entry.At, entry.By is "host" or "guest" ? TimelineLineKind.Request : TimelineLineKind.Action, entry.Code, Who(text, entry.By), entry.Detail),
            })
            .Concat(issued.Select(link => new TimelineLine(link.IssuedAt, TimelineLineKind.Asked,
                Label("title." + link.Link.Purpose) ?? link.Link.Title, text.Label("role", link.Audience, CaseCodes.Roles), null)))
            .Concat(issued.Where(link => link.AnsweredAt is not null).Select(link => new TimelineLine(link.AnsweredAt!.Value, TimelineLineKind.Answered,
                Answer(link, Label), Who(text, link.AnsweredBy), Note(link, member, Label))))
            .OrderBy(line => line.At)
            .ToList();
    }

    // The choice as the link offered it, in the page's language where the texts have it.
    private static string Answer(IssuedLink link, Func<string, string?> label) =>
        (link.Link.Answer is { } answer ? label("choice." + answer) : null)
        ?? link.Link.Choices.FirstOrDefault(choice => choice.Value == link.Link.Answer)?.Label
        ?? link.Link.Answer ?? "";

    // The values given (a date, an amount, a reason) and the note; the note only for roles that see who the household is.
    private static string? Note(IssuedLink link, StaffMember member, Func<string, string?> label)
    {
        var values = link.Values.Select(value => $"{label("field." + value.Key) ?? value.Key}: {label("option." + value.Value) ?? value.Value}");
        var note = StaffAccess.SeesIdentity(member) ? link.Note : null;
        var parts = values.Append(note).OfType<string>().Where(part => part.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    // "screener: Sanne de Vries" as the page's language names the role; a household's own answer by its role alone.
    private static string? Who(PageText text, string? by)
    {
        if (by is null)
        {
            return null;
        }

        var split = by.IndexOf(": ", StringComparison.Ordinal);
        return split < 0 ? text.Label("role", by, CaseCodes.Roles) : $"{text.Label("role", by[..split], CaseCodes.Roles)}: {by[(split + 2)..]}";
    }

    private static string? Waiting(PageText text, string? waitingFor) => text.Label("waiting", waitingFor, CaseCodes.Waits);
}
