using Microsoft.Extensions.Logging;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Notifications;
using RefugeeHome.Registrations;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Workflows.Activities;

/// <summary>
/// Sends a workflow's notice: looks up the recipient and the names it may show, issues the question's link, and sends
/// once per message key (the workflow makes the key, so it is the same on every retry and replay).
/// Each role sees what its work needs: the screener and connector the host's contact details, the supporter the
/// address to visit, the matcher and the ministry never an address.
/// </summary>
public sealed class Notifier(
    WorkflowOptions options, Mailer mailer, EmailTemplates templates, ApprovalLinks links,
    HostRegistry hosts, GuestRegistry guests, CaseTimeline timeline, RegistrationMailQuota quota, ILogger<Notifier> logger, TimeProvider clock)
{
    // The emails a registration causes that anyone typing someone else's address into a form could make them receive
    // again and again; a new household's welcome goes once, its address being the household's key.
    private static readonly HashSet<string> CausedByRegistrations = new(StringComparer.Ordinal)
    {
        "registered-again", "guest-registered",
    };

    /// <summary>Sends the notice of <paramref name="sending"/>; returns false when its recipient has been forgotten.</summary>
    public async Task<bool> SendAsync(NoticeToSend sending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sending);
        var notice = sending.Notice;
        var host = notice.Case.HostId is { } hostId ? await hosts.FindAsync(hostId, cancellationToken) : null;
        var guest = notice.Case.GuestId is { } guestId ? await guests.FindAsync(guestId, cancellationToken) : null;
        var (address, language) = Recipient(notice.To, host, guest);
        if (address is null)
        {
            return false;
        }

        if (CausedByRegistrations.Contains(notice.Message) && !await quota.AllowsAsync(address, sending.MessageKey, cancellationToken))
        {
            NotifierLog.OverQuota(logger, notice.Message, sending.InstanceId);
            return false;
        }

        var model = Model(notice, language, host, guest);
        if (notice.Ask is { } ask)
        {
            model["link"] = (await links.IssueAsync(Question(sending.InstanceId, notice, ask, language), cancellationToken)).ToString();
        }

        if (notice.NoteOfLink is { } linkId)
        {
            model["note"] = await links.ReadNoteAsync(linkId, cancellationToken);
        }

        await mailer.SendOnceAsync(sending.MessageKey, new EmailAddress(address), language, notice.Message, model, cancellationToken);
        if (CaseKinds.Of(sending.InstanceId) is not null)
        {
            // The key's part after the instance is the workflow's step key: the timeline records each email once.
            await timeline.AddAsync(sending.InstanceId, new TimelineEntry("email|" + sending.MessageKey[(sending.InstanceId.Length + 1)..],
                clock.GetUtcNow(), TimelineKind.Email, notice.Message)
            {
                Role = RoleOf(notice.To),
                Detail = notice.Ask?.Purpose,
                Titles = Language.All.ToDictionary(
                    title => title, title => templates.Render(notice.Message, title, Model(notice, title, host, guest)).Subject, StringComparer.Ordinal),
            }, cancellationToken);
        }

        return true;
    }

    /// <summary>The code of a recipient's role, as links and timelines record it.</summary>
    public static string RoleOf(Audience audience) => audience.ToString().ToLowerInvariant();

    // The link request of a question, with its texts in the recipient's language.
    private ApprovalRequest Question(string instanceId, Notice notice, Ask ask, string language)
    {
        var message = notice.Message;
        string Label(string key) => templates.Label(message, language, key) ?? key;
        return new ApprovalRequest(
            instanceId, Inbox.Event, ask.Purpose, ask.IssueKey, language, Label("title." + ask.Purpose),
            ask.Choices.Select(choice => new ApprovalChoice(choice, Label("choice." + choice))).ToList(),
            ask.ExpiresAt is { } deadline ? new DateTimeOffset(deadline, TimeSpan.Zero) : clock.GetUtcNow() + (ask.Standing ? options.StandingLinkLifetime : options.LinkLifetime))
        {
            Fields = ask.Fields.Select(field => new ApprovalField(field.Name, Label("field." + field.Name), field.Kind)
            {
                Options = field.Options.Select(option => new ApprovalChoice(option, Label("option." + option))).ToList(),
                RequiredFor = field.RequiredFor,
                Maximum = field.Maximum,
                MaximumReason = templates.Label(message, language, "maximum." + field.Name),
                Earliest = field.Earliest,
            }).ToList(),
            DocumentName = ask.DocumentName,
            Page = ask.Page,
            Round = ask.Round,
            Audience = RoleOf(notice.To),
            NoteReaches = ask.NoteFor is { } reader ? RoleOf(reader) : null,
        };
    }

    private (string? Address, string Language) Recipient(Audience audience, HostRecord? host, GuestRecord? guest) => audience switch
    {
        Audience.Host => (host?.Email, host?.Language ?? options.StaffLanguage),
        Audience.Guest => (guest?.Registration.OwnEmail, guest?.Registration.HouseholdLanguage ?? options.StaffLanguage),
        Audience.Caseworker => (guest?.Registration.CaseworkerEmail, options.StaffLanguage),
        Audience.Screener => (options.ScreenerEmail, options.StaffLanguage),
        Audience.Supervisor => (options.SupervisorEmail, options.StaffLanguage),
        Audience.Matcher => (options.MatcherEmail, options.StaffLanguage),
        Audience.Connector => (options.ConnectorEmail, options.StaffLanguage),
        _ => (options.SupporterEmail, options.StaffLanguage),
    };

    private Dictionary<string, object?> Model(Notice notice, string language, HostRecord? host, GuestRecord? guest)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            // People read and say case numbers; the opaque ids stay in the workflows.
            ["hostRef"] = CaseNumberOf(notice.Case.HostId),
            ["guestRef"] = CaseNumberOf(notice.Case.GuestId),
            ["placementRef"] = CaseNumberOf(notice.Case.PlacementId),
            ["hostMunicipality"] = host?.Municipality,
            ["guestMunicipality"] = guest?.Registration.Municipality,
            ["adults"] = guest?.Registration.Adults,
            ["minors"] = guest?.Registration.Minors,
        };
        foreach (var (name, value) in notice.Facts)
        {
            model[name] = value;
            model[name + "Label"] = templates.Label(notice.Message, language, "option." + value) ?? value;
        }

        if (notice.To == Audience.Host && host is not null)
        {
            model["firstName"] = host.FirstName;
            model["statusLink"] = StatusPage.AddressOf(links, host.HostId).ToString();
        }

        if (notice.To is Audience.Guest or Audience.Caseworker && guest is not null)
        {
            // A household without an address of its own gets its page through its caseworker.
            model["statusLink"] = StatusPage.AddressOf(links, guest.GuestId).ToString();
        }

        if (notice.To is Audience.Screener or Audience.Connector or Audience.Supporter && host is not null)
        {
            model["hostName"] = $"{host.FirstName} {host.LastName}";
            model["hostEmail"] = host.Email;
            model["hostPhone"] = host.Phone;
            model["duplicateAttempts"] = host.DuplicateAttempts;
        }

        if (notice.To is Audience.Connector or Audience.Caseworker && guest is not null)
        {
            // Without an address of its own the household is reached through its caseworker.
            model["guestName"] = guest.Registration.ContactName;
            model["guestPhone"] = guest.Registration.ContactPhone;
            model["guestEmail"] = guest.Registration.OwnEmail ?? guest.Registration.CaseworkerEmail;
            model["guestHasEmail"] = guest.Registration.OwnEmail is not null;
            model["guestLanguage"] = templates.Label(notice.Message, language, "option." + guest.Registration.HouseholdLanguage) ?? guest.Registration.HouseholdLanguage;
        }

        if (notice.To == Audience.Supporter && host is not null)
        {
            model["hostAddress"] = host.Address;
        }

        return model;
    }

    private static string? CaseNumberOf(string? caseId) => caseId is null ? null : CaseNumbers.Of(caseId);
}
