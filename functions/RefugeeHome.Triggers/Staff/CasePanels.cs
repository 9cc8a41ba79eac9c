using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using RefugeeHome.Cases;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Registrations;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Triggers.Staff;

/// <summary>A form of the case page sent back with problems: its name, the values sent and what is wrong with them.</summary>
/// <param name="Name">Which form: <c>close</c>, <c>correct</c> or <c>match</c>.</param>
/// <param name="Values">The values sent.</param>
/// <param name="Problems">The problems, by field.</param>
public sealed record PostedForm(string Name, IFormCollection Values, IReadOnlyList<FormProblem> Problems);

/// <summary>The correction form: a household's corrected fields, filled in with what is registered now.</summary>
/// <param name="Kind">Host or guest household.</param>
/// <param name="Form">The form's values and problems.</param>
/// <param name="Municipalities">The country's municipalities, suggested at the field.</param>
/// <param name="Pending">A correction is waiting for the household's workflow to apply it.</param>
public sealed record CorrectionPanel(CaseKind Kind, FormState Form, IReadOnlyList<string> Municipalities, bool Pending);

/// <summary>The matcher's panel on a waiting guest household: open proposals, the best hosts, and the hosts each rule excludes.</summary>
/// <param name="View">What matching knows of the household today.</param>
/// <param name="Form">The panel's forms' anti-forgery field and the problem of the last match by hand.</param>
public sealed record MatchingPanel(HouseholdMatchView View, FormState Form);

/// <summary>
/// The forms of the case page beyond closing: correcting a registration (coordinators, screeners for host households,
/// caseworkers for the households they registered), the matcher's panel on a waiting guest household, and erasing a
/// finished household's data (coordinators).
/// </summary>
public sealed class CasePanels(HostRegistry hosts, GuestRegistry guests, HouseholdMatching matching)
{
    /// <summary>How many of the best hosts the matcher's panel lists.</summary>
    public const int RankedHosts = 10;

    /// <summary>The correction form for <paramref name="found"/>, or null when <paramref name="member"/> may not correct it.</summary>
    public async Task<CorrectionPanel?> CorrectionAsync(StaffMember member, CaseSummary found, PageText text, AntiforgeryField antiforgery, PostedForm? posted, CancellationToken cancellationToken)
    {
        if (!StaffAccess.MayCorrect(member, found))
        {
            return null;
        }

        var municipalities = MunicipalityNames.Default.Canonical.Order(StringComparer.Ordinal).ToList();
        if (found.Kind == CaseKind.Host && await hosts.FindAsync(found.Id, cancellationToken) is { } host)
        {
            var pending = await hosts.PendingCorrectionAsync(found.Id, cancellationToken);
            var values = posted?.Name == "correct" ? posted.Values : Values(new()
            {
                ["municipality"] = host.Municipality,
                ["languages"] = new StringValues([.. host.Preferences.Languages]),
                ["email"] = host.Email,
                ["phone"] = host.Phone,
            });
            return new CorrectionPanel(CaseKind.Host, Form(text, antiforgery, values, posted, "correct"), municipalities, pending is not null);
        }

        if (found.Kind == CaseKind.Guest && await guests.FindAsync(found.Id, cancellationToken) is { } guest)
        {
            var registration = guest.Registration;
            var pending = await guests.PendingCorrectionAsync(found.Id, cancellationToken);
            var values = posted?.Name == "correct" ? posted.Values : Values(new()
            {
                ["municipality"] = registration.Municipality,
                ["eligibilityRecorded"] = registration.EligibilityRecorded ? "true" : "",
                ["householdLanguage"] = registration.HouseholdLanguage,
                ["languages"] = new StringValues([.. registration.Languages]),
                ["contactEmail"] = registration.ContactEmail,
                ["contactPhone"] = registration.ContactPhone,
            });
            return new CorrectionPanel(CaseKind.Guest, Form(text, antiforgery, values, posted, "correct"), municipalities, pending is not null);
        }

        return null;
    }

    /// <summary>The matcher's panel for <paramref name="found"/>, or null when it is not a waiting guest household or <paramref name="member"/> does not match.</summary>
    public async Task<MatchingPanel?> MatchingAsync(StaffMember member, CaseSummary found, PageText text, AntiforgeryField antiforgery, PostedForm? posted, CancellationToken cancellationToken)
    {
        if (!StaffAccess.MayMatch(member) || found.Kind != CaseKind.Guest || found.Ended || found.Stage != "Waiting")
        {
            return null;
        }

        var view = await matching.ViewAsync(found.Id, text.Language, RankedHosts, cancellationToken);
        return view is null ? null : new MatchingPanel(view, Form(text, antiforgery, posted?.Name == "match" ? posted.Values : null, posted, "match"));
    }

    /// <summary>Whether <paramref name="member"/> may erase <paramref name="found"/>'s data now.</summary>
    public static bool MayErase(StaffMember member, CaseSummary found) =>
        StaffAccess.MayClose(member) && found.Ended && found.Kind is CaseKind.Host or CaseKind.Guest;

    private static FormState Form(PageText text, AntiforgeryField antiforgery, IFormCollection? values, PostedForm? posted, string name) =>
        new(text, antiforgery, values, posted?.Name == name ? posted.Problems : []);

    private static FormCollection Values(Dictionary<string, StringValues> values) => new(values);
}
