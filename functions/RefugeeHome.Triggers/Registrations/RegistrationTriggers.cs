using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using RefugeeHome.Registrations;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;

namespace RefugeeHome.Triggers.Registrations;

/// <summary>
/// Host and guest registration, as JSON (<c>application/json</c>) or as an HTML form post. Every bad field is listed
/// in the registrant's language and nothing is kept; a valid registration starts its household's workflow once, however
/// often the same form is sent. A second registration of a known host household starts nothing and gets the answer a
/// new one gets; the household is told at its registered address.
/// </summary>
public sealed class RegistrationTriggers(HostRegistry hosts, GuestRegistry guests, IAntiforgery antiforgery, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // The same for a new household, a form sent again and a household registered before: the answer tells nobody who is registered.
    private static readonly object HostReceipt = new { received = true };

    /// <summary>Shows the host registration form.</summary>
    public IResult ShowHostForm(HttpContext context) => ShowForm(context, "hostTitle", RegistrationForms.HostForm);

    /// <summary>Shows the guest registration form for caseworkers.</summary>
    public IResult ShowGuestForm(HttpContext context) => ShowForm(context, "guestTitle", RegistrationForms.GuestForm);

    private IResult ShowForm(HttpContext context, string titleKey, Func<Func<string, string>, string, string, string, IFormCollection?, string> form)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (language, text) = Language(context, context.Request.Query["lang"].ToString());
        var tokens = antiforgery.GetAndStoreTokens(context);
        return HtmlPage.Render(context, language, text(titleKey), form(text, language, tokens.FormFieldName, tokens.RequestToken ?? "", null), StatusCodes.Status200OK);
    }

    /// <summary>Registers a host household and starts its journey.</summary>
    public Task<IResult> RegisterHostAsync(HttpContext context, DurableTaskClient workflows) => RegisterAsync(context, "hostTitle",
        (form, text, errors) => RegistrationForms.ReadHost(form, text, errors),
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
        },
        (text, language, tokens, form) => RegistrationForms.HostForm(text, language, tokens.FormFieldName, tokens.RequestToken ?? "", form));

    /// <summary>Registers a guest household and starts its intake.</summary>
    public Task<IResult> RegisterGuestAsync(HttpContext context, DurableTaskClient workflows) => RegisterAsync(context, "guestTitle",
        (form, text, errors) => RegistrationForms.ReadGuest(form, text, errors),
        GuestRegistrationValidation.Validate,
        async (registration, cancellation) =>
        {
            var result = await guests.RegisterAsync(registration, cancellation);
            await workflows.StartOnceAsync(OrchestratorNames.GuestIntake, result.HouseholdId, new GuestIntakeInput(result.HouseholdId), cancellation);
            return new { id = result.HouseholdId };
        },
        (text, language, tokens, form) => RegistrationForms.GuestForm(text, language, tokens.FormFieldName, tokens.RequestToken ?? "", form));

    private async Task<IResult> RegisterAsync<T>(
        HttpContext context, string titleKey,
        Func<IFormCollection, Func<string, string>, List<FieldError>, T> readForm,
        Func<T, IReadOnlyList<FieldError>> validate,
        Func<T, CancellationToken, Task<object>> register,
        Func<Func<string, string>, string, AntiforgeryTokenSet, IFormCollection, string> formAgain)
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

            if (body is null)
            {
                return Unreadable(context, "$");
            }

            var errors = validate(body);
            if (errors.Count > 0)
            {
                return Results.Json(new { errors = errors.Select(error => new { field = CamelCase(error.Field), message = error.Message }) }, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(await register(body, cancellation), statusCode: StatusCodes.Status202Accepted);
        }

        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            var (formLanguage, formText) = Language(context, null);
            return HtmlPage.Render(context, formLanguage, "RefugeeHome", HtmlPage.Paragraph(formText("unreadable"), "antiforgery"), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellation);
        var (language, text) = Language(context, form["language"].ToString());
        var parseErrors = new List<FieldError>();
        var registration = readForm(form, text, parseErrors);
        var problems = parseErrors.Concat(validate(registration)).ToList();
        if (problems.Count > 0)
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return HtmlPage.Render(context, language, text(titleKey),
                HtmlPage.Paragraph(text("fix")) + HtmlPage.ErrorList(problems.Select(problem => problem.Message)) + formAgain(text, language, tokens, form),
                StatusCodes.Status400BadRequest);
        }

        await register(registration, cancellation);
        return HtmlPage.Render(context, language, text(titleKey), HtmlPage.Paragraph(text("thanks")), StatusCodes.Status200OK);
    }

    private static IResult Unreadable(HttpContext context, string path)
    {
        var (_, text) = Language(context, null);
        return Results.Json(new { errors = new[] { new { field = path, message = string.Format(CultureInfo.InvariantCulture, text("unreadable"), path) } } },
            statusCode: StatusCodes.Status400BadRequest);
    }

    private static (string Language, Func<string, string> Text) Language(HttpContext context, string? asked)
    {
        var language = asked is { Length: > 0 } && FormTexts.Languages.Contains(asked) ? asked : HtmlPage.PreferredLanguage(context, FormTexts.Languages);
        return (language, FormTexts.For(language));
    }

    private static string CamelCase(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
