using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Registrations;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;

namespace RefugeeHome.Triggers.Staff;

/// <summary>
/// The staff console: sign-in, the list of cases and each case with its timeline. A search by name, email or phone is
/// posted, never put in the address, so no personal data ends up in a URL, a log or the browser's history.
/// </summary>
public sealed class StaffPages(
    StaffSignIn signIn, CaseDirectory directory, CaseIndex index, TimelineLines timelineLines, ApprovalLinks links, CasePanels panels,
    PostedForms forms, IAntiforgery antiforgery, PageRenderer pages, TimeProvider clock)
{
    private const string Home = "/staff";

    /// <summary>
    /// The staff member of <paramref name="context"/>, or the answer that sends a visitor to sign in (a 401 for an API
    /// call), or a 403 for a member whose role is not <paramref name="allowed"/>.
    /// </summary>
    public (StaffMember? Member, IResult? Refusal) Require(HttpContext context, Func<StaffMember, bool>? allowed = null, bool forApi = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (signIn.Mode == StaffSignInMode.None)
        {
            return (null, Results.NotFound());
        }

        if (signIn.Identify(context) is not { } member)
        {
            if (forApi)
            {
                return (null, Results.StatusCode(StatusCodes.Status401Unauthorized));
            }

            var next = context.Request.Path.Value ?? Home;
            return (null, Results.Redirect("/staff/sign-in?next=" + Uri.EscapeDataString(next)));
        }

        return allowed is null || allowed(member) ? (member, null) : (member, Forbidden(context, member));
    }

    /// <summary>The sign-in page: the development form, or App Service's sign-in with Entra ID.</summary>
    public Task<IResult> ShowSignInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var next = SafeNext(context.Request.Query["next"].ToString());
        return signIn.Mode switch
        {
            StaffSignInMode.AppService => Task.FromResult(Results.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(next))),
            StaffSignInMode.Development => SignInFormAsync(context, PageLanguage.Resolve(context), null, [], next, StatusCodes.Status200OK),
            _ => Task.FromResult(Results.NotFound()),
        };
    }

    /// <summary>Signs in with the development sign-in.</summary>
    public async Task<IResult> SignInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (signIn.Mode != StaffSignInMode.Development)
        {
            return Results.NotFound();
        }

        var text = PageLanguage.Resolve(context);
        var posted = await forms.ReadAsync(context);
        if (posted.Form is not { } form)
        {
            return await forms.RefuseAsync(context, text, text["signInTitle"], posted.Refusal!.Value);
        }

        var role = StaffMember.Codes.Parse(form["role"].ToString());
        var name = form["name"].ToString().Trim();
        var email = form["email"].ToString().Trim();
        var problems = new List<FormProblem>();
        if (role is null)
        {
            problems.Add(new FormProblem("role", text["signInRoleMissing"]));
        }

        if (name.Length is 0 or > 100 || !TypedText.IsClean(name) || !TypedText.HasLetters(name))
        {
            problems.Add(new FormProblem("name", text["signInNameMissing"]));
        }

        if (email.Length == 0 || !TypedText.IsEmailAddress(email))
        {
            problems.Add(new FormProblem("email", text["signInEmailMissing"]));
        }

        var next = SafeNext(form["next"].ToString());
        if (problems.Count > 0)
        {
            return await SignInFormAsync(context, text, form, problems, next, StatusCodes.Status400BadRequest);
        }

        signIn.SignInForDevelopment(context, new StaffMember(name, email, role!.Value));
        return Results.Redirect(next);
    }

    /// <summary>Signs out.</summary>
    public IResult SignOut(HttpContext context)
    {
        if (signIn.Mode == StaffSignInMode.AppService)
        {
            return Results.Redirect("/.auth/logout?post_logout_redirect_uri=/");
        }

        signIn.SignOut(context);
        return Results.Redirect("/");
    }

    /// <summary>The list of cases, filtered by what the address says (nothing personal).</summary>
    public Task<IResult> ShowCasesAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CasesAsync(context, context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()), withText: false);
    }

    /// <summary>The list of cases, filtered by the posted search form, which may hold a name.</summary>
    public async Task<IResult> SearchCasesAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var posted = await forms.ReadAsync(context);
        if (posted.Form is not { } form)
        {
            var text = PageLanguage.Resolve(context);
            return await forms.RefuseAsync(context, text, text["casesTitle"], posted.Refusal!.Value);
        }

        return await CasesAsync(context, form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()), withText: true);
    }

    /// <summary>One case with its timeline.</summary>
    public async Task<IResult> ShowCaseAsync(HttpContext context, string id)
    {
        var (member, refusal) = Require(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = PageLanguage.Resolve(context);
        var found = await index.FindAsync(id, context.RequestAborted);
        return found is null || !StaffAccess.MaySee(member!, found)
            ? await UnknownCaseAsync(context, text)
            : await RenderCaseAsync(context, text, member!, found, null, StatusCodes.Status200OK,
                CaseCodes.Actions.FirstOrDefault(action => action == context.Request.Query["done"].ToString()));
    }

    /// <summary>The page that tells a signed-in member the page is not for their role, and how to change role.</summary>
    public IResult Forbidden(HttpContext context, StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var text = PageLanguage.Resolve(context);
        return new PageResult(() => pages.MessageAsync(context, text, text["forbiddenTitle"], StatusCodes.Status403Forbidden,
            text.Format("forbidden", text["role." + member.RoleCode])));
    }

    /// <summary>The same answer for a case that does not exist and one the role may not open.</summary>
    public Task<IResult> UnknownCaseAsync(HttpContext context, PageText text) =>
        pages.MessageAsync(context, text, text["caseTitle"], StatusCodes.Status404NotFound, text["caseUnknown"]);

    /// <summary>The page of <paramref name="found"/> with its timeline and the forms <paramref name="member"/> may use; <paramref name="posted"/> is shown again with its problems.</summary>
    public async Task<IResult> RenderCaseAsync(HttpContext context, PageText text, StaffMember member, CaseSummary found, PostedForm? posted, int status, string? done = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(found);
        var id = found.Id;
        var cancellation = context.RequestAborted;

        var issued = await links.LinksOfAsync(id, cancellation);
        var lines = await timelineLines.ReadAsync(id, issued, member, text, cancellation);
        var questions = issued
            .Where(link => link.Link.State == ApprovalState.Open && StaffAccess.MayAnswer(member, link.Audience))
            .Select(link => new OpenQuestion(link.Link.Title, links.AddressOf(link.Link.Page, link.Token), link.Audience))
            .ToList();
        var related = new List<CaseSummary>();
        foreach (var relatedId in new[] { found.HostId, found.GuestId, found.PlacementId }.OfType<string>().Where(other => other != id).Distinct())
        {
            if (await index.FindAsync(relatedId, cancellation) is { } other && StaffAccess.MaySee(member, other))
            {
                related.Add(other);
            }
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        var field = new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? "");
        var closable = StaffAccess.MayClose(member) && !found.Ended && CaseClosing.TakesClose(found.Kind, found.Stage);
        return await pages.RenderAsync<CasePage, CaseView>(context, text,
            new CaseView(member, found, lines, questions, related, clock.GetUtcNow())
            {
                Close = closable ? new FormState(text, field, posted?.Name == "close" ? posted.Values : null, posted?.Name == "close" ? posted.Problems : []) : null,
                Correction = await panels.CorrectionAsync(member, found, text, field, posted, cancellation),
                Matching = await panels.MatchingAsync(member, found, text, field, posted, cancellation),
                Erase = CasePanels.MayErase(member, found) ? new FormState(text, field, null, []) : null,
                Submission = Guid.NewGuid().ToString(),
                Done = done,
            }, status);
    }

    private async Task<IResult> CasesAsync(HttpContext context, Dictionary<string, string> values, bool withText)
    {
        var (member, refusal) = Require(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = PageLanguage.Resolve(context);
        string? Value(string name) => values.TryGetValue(name, out var value) && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        var filter = new CaseFilter
        {
            Kind = Enum.TryParse<CaseKind>(Value("kind"), out var kind) && Enum.IsDefined(kind) ? kind : null,
            Stage = CaseCodes.Stages.FirstOrDefault(stage => stage == Value("stage")),
            WaitingFor = CaseCodes.Waits.FirstOrDefault(wait => wait == Value("waiting")),
            Municipality = Value("municipality") is { Length: <= 100 } municipality ? municipality : null,
            Province = Value("province") is { Length: <= 100 } province ? province : null,
            OverdueOnly = Value("overdue") is "on" or "true",
            IncludeEnded = Value("ended") is "on" or "true",
            Text = withText && Value("q") is { Length: <= 200 } typed ? typed : null,
            Page = int.TryParse(Value("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1,
        };
        var results = await directory.SearchAsync(filter, summary => StaffAccess.MaySee(member!, summary), context.RequestAborted);
        var (municipalities, provinces) = await directory.PlacesAsync(context.RequestAborted);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var sent = new FormCollection(values
            .Where(pair => pair.Key is "kind" or "stage" or "waiting" or "municipality" or "province" or "overdue" or "ended" || (withText && pair.Key == "q"))
            .ToDictionary(pair => pair.Key, pair => new Microsoft.Extensions.Primitives.StringValues(pair.Value)));
        var form = new FormState(text, new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""), sent, []);
        return await pages.RenderAsync<CaseListPage, CaseListView>(context, text,
            new CaseListView(member!, filter with { Page = results.Page }, results, municipalities, provinces, form, clock.GetUtcNow()),
            StatusCodes.Status200OK);
    }

    private Task<IResult> SignInFormAsync(HttpContext context, PageText text, IFormCollection? previous, IReadOnlyList<FormProblem> problems, string next, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var form = new FormState(text, new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""), previous, problems);
        return pages.RenderAsync<StaffSignInPage, StaffSignInForm>(context, text, new StaffSignInForm(form, next), status);
    }

    // Only pages of this site: a sign-in must not send anyone on to another.
    private static string SafeNext(string next) =>
        next.StartsWith('/') && !next.StartsWith("//", StringComparison.Ordinal) && !next.Contains('\\', StringComparison.Ordinal) ? next : Home;
}
