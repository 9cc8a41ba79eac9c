using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using RefugeeHome.Cases;
using RefugeeHome.Registrations;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Triggers.Coordinator;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Triggers.Security;
using RefugeeHome.Triggers.Staff;
using RefugeeHome.Workflows;

namespace RefugeeHome.Triggers.Registrations;

/// <summary>
/// Host and guest registration, as JSON (<c>application/json</c>) or as an HTML form post. Every bad field is listed
/// in the registrant's language and nothing is kept; a valid registration starts its household's workflow once, however
/// often the same form is sent. A second registration of a known host household starts nothing and gets the answer a
/// new one gets; the household is told at its registered address.
/// </summary>
public sealed class RegistrationTriggers(
    HostRegistry hosts, GuestRegistry guests, IAntiforgery antiforgery, PostedForms forms, PageRenderer pages, StaffPages staff, CoordinatorAccess access, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // The same for a new household, a form sent again and a household registered before: the answer tells nobody who is registered.
    private static readonly object HostReceipt = new { received = true };

    /// <summary>Shows the host registration form.</summary>
    public Task<IResult> ShowHostFormAsync(HttpContext context) => ShowFormAsync(context, RegistrationKind.Host);

    /// <summary>Shows the guest registration form to a signed-in caseworker or coordinator.</summary>
    public Task<IResult> ShowGuestFormAsync(HttpContext context)
    {
        var (member, refusal) = staff.Require(context, StaffAccess.MayRegisterGuests);
        return refusal is not null ? Task.FromResult(refusal) : ShowFormAsync(context, RegistrationKind.Guest, member);
    }

    private Task<IResult> ShowFormAsync(HttpContext context, RegistrationKind kind, StaffMember? member = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = PageLanguage.Resolve(context);
        return FormAsync(context, kind, text, Guid.NewGuid().ToString(), null, [], StatusCodes.Status200OK, member);
    }

    /// <summary>Registers a host household and starts its journey.</summary>
    public Task<IResult> RegisterHostAsync(HttpContext context, DurableTaskClient workflows) => RegisterAsync(context, RegistrationKind.Host,
        RegistrationFormReader.ReadHost,
        registration => HostRegistrationValidation.Validate(registration, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)),
        async (registration, cancellation) =>
        {
            var result = await hosts.RegisterAsync(registration, cancellation);
            if (result.Outcome == RegistrationOutcome.AlreadyRegistered)
            {
                // The household hears of it at its own address; this answer must not differ from a new registration's.
                await workflows.StartOnceAsync(OrchestratorNames.RegisteredAgain, "registered-again-" + registration.SubmissionId,
                    new RegisteredAgainInput(result.HouseholdId, result.Status), cancellation);
            }
            else
            {
                await workflows.StartOnceAsync(OrchestratorNames.HostJourney, result.HouseholdId, new HostJourneyInput(result.HouseholdId), cancellation);
            }

            return HostReceipt;
        });

    /// <summary>
    /// Registers a guest household and starts its intake: from the form by a signed-in caseworker or coordinator, as JSON
    /// by one of them or by a municipal system with the coordinator's key. A caseworker registers under its own address.
    /// </summary>
    public async Task<IResult> RegisterGuestAsync(HttpContext context, DurableTaskClient workflows)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = context.Request.HasJsonContentType();
        StaffMember? member = null;
        if (!json || !ApiKeyCheck.IsAuthorized(context.Request, access.ApiKey))
        {
            var (signedIn, refusal) = staff.Require(context, StaffAccess.MayRegisterGuests, forApi: json);
            if (refusal is not null)
            {
                return refusal;
            }

            member = signedIn;
        }

        GuestRegistration Assigned(GuestRegistration registration) =>
            member?.Role == StaffRole.Caseworker ? registration with { CaseworkerEmail = member.Email } : registration;
        return await RegisterAsync(context, RegistrationKind.Guest,
            RegistrationFormReader.ReadGuest,
            registration => GuestRegistrationValidation.Validate(Assigned(registration)),
            async (registration, cancellation) =>
            {
                var result = await guests.RegisterAsync(Assigned(registration), cancellation);
                await workflows.StartOnceAsync(OrchestratorNames.GuestIntake, result.HouseholdId, new GuestIntakeInput(result.HouseholdId), cancellation);
                return new GuestReceipt(result.HouseholdId, CaseNumbers.Of(result.HouseholdId));
            },
            member);
    }

    private async Task<IResult> RegisterAsync<T>(
        HttpContext context, RegistrationKind kind,
        Func<IFormCollection, PageText, List<FieldError>, T> readForm,
        Func<T, IReadOnlyList<FieldError>> validate,
        Func<T, CancellationToken, Task<object>> register,
        StaffMember? member = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = context.RequestAborted;
        if (context.Request.HasJsonContentType())
        {
            T? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, cancellation);
            }
            catch (JsonException exception)
            {
                return Unreadable(context, exception.Path ?? "$");
            }
            catch (Exception exception) when (PostedForms.RefusalOf(exception) is { } refusal)
            {
                var refusalText = PageLanguage.Resolve(context);
                return Results.Json(new { errors = new[] { new { field = "$", message = refusalText[refusal == FormRefusal.TooLarge ? "formTooLarge" : "formUnreadable"] } } },
                    statusCode: PostedForms.StatusOf(refusal));
            }

            if (body is null)
            {
                return Unreadable(context, "$");
            }

            var errors = validate(body);
            if (errors.Count > 0)
            {
                return Results.Json(new { errors = errors.Select(error => new { field = FormState.FieldNameOf(error.Field), message = error.Message }) }, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(await register(body, cancellation), statusCode: StatusCodes.Status202Accepted);
        }

        var posted = await forms.ReadAsync(context);
        if (posted.Form is not { } form)
        {
            var formText = PageLanguage.Resolve(context);
            return await forms.RefuseAsync(context, formText, formText[kind == RegistrationKind.Host ? "hostTitle" : "guestTitle"], posted.Refusal!.Value);
        }

        var text = PageText.For(form["language"].ToString());
        if (form.ContainsKey(PageShell.SwitchField))
        {
            // The language switch on the form posts to ?lang=…: the same form in that language, with everything typed, nothing checked yet.
            var kept = form["submissionId"].ToString() is { Length: > 0 } typed ? typed : Guid.NewGuid().ToString();
            return await FormAsync(context, kind, PageLanguage.Resolve(context), kept, form, [], StatusCodes.Status200OK, member);
        }

        var parseErrors = new List<FieldError>();
        var registration = readForm(form, text, parseErrors);
        var problems = parseErrors.Concat(validate(registration)).Select(problem => Located(new FormProblem(FormState.FieldNameOf(problem.Field), problem.Message), text)).ToList();
        if (problems.Count > 0)
        {
            var submission = form["submissionId"].ToString() is { Length: > 0 } kept ? kept : Guid.NewGuid().ToString();
            return await FormAsync(context, kind, text, submission, form, problems, StatusCodes.Status400BadRequest, member);
        }

        var receipt = await register(registration, cancellation);
        return receipt is GuestReceipt guest
            ? await pages.RenderAsync<GuestRegisteredPage, GuestRegistered>(context, text, new GuestRegistered(guest.CaseNumber, "/staff/cases/" + guest.Id, member), StatusCodes.Status200OK)
            : await pages.MessageAsync(context, text, text["hostTitle"], StatusCodes.Status200OK, text["thanks"]);
    }

    private Task<IResult> FormAsync(
        HttpContext context, RegistrationKind kind, PageText text, string submissionId, IFormCollection? previous, IReadOnlyList<FormProblem> problems, int status,
        StaffMember? member = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var state = new FormState(text, new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""), previous, problems);
        return pages.RenderAsync<RegistrationPage, RegistrationForm>(context, text,
            new RegistrationForm(kind, submissionId, state, MunicipalityNames.Default.Canonical.Order(StringComparer.Ordinal).ToList()) { Staff = member }, status);
    }

    // A member's problem says which member it is about, in the summary above the form as at the member's row.
    private static FormProblem Located(FormProblem problem, PageText text) =>
        MemberTable.RowOf(problem.Field) is { } row ? problem with { Message = $"{text.Format("memberNumber", row + 1)}: {problem.Message}" } : problem;

    private static IResult Unreadable(HttpContext context, string path) =>
        Results.Json(new { errors = new[] { new { field = path, message = PageLanguage.Resolve(context).Format("unreadable", path) } } },
            statusCode: StatusCodes.Status400BadRequest);
}
