using RefugeeHome.Triggers.Approvals;
using RefugeeHome.Triggers.Coordinator;
using RefugeeHome.Triggers.Documents;
using RefugeeHome.Triggers.Matching;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Triggers.Registrations;

namespace RefugeeHome.Runner;

/// <summary>The runner's routes to the workflows' handlers; the Functions app binds the same handlers to HTTP triggers.</summary>
internal static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) => HtmlPage.Render(context, "en", "RefugeeHome",
            "<ul><li><a href=\"/register/host?lang=nl\">Aanmelden als gastgezin</a> · <a href=\"/register/host?lang=en\">Register as a host</a> · " +
            "<a href=\"/register/host?lang=uk\">Реєстрація приймаючої родини</a> · <a href=\"/register/host?lang=ru\">Регистрация принимающей семьи</a></li>" +
            "<li><a href=\"/register/guest?lang=nl\">Gasthuishouden aanmelden (gemeente)</a></li>" +
            "<li><a href=\"/dev/outbox\">Outbox</a> · <a href=\"/health\">Health</a></li></ul>", StatusCodes.Status200OK));
        endpoints.MapGet("/register/host", (HttpContext context, RegistrationTriggers registrations) => registrations.ShowHostForm(context));
        endpoints.MapPost("/register/host", (HttpContext context, RegistrationTriggers registrations) => registrations.RegisterHostAsync(context));
        endpoints.MapPost("/api/hosts", (HttpContext context, RegistrationTriggers registrations) => registrations.RegisterHostAsync(context));
        endpoints.MapGet("/register/guest", (HttpContext context, RegistrationTriggers registrations) => registrations.ShowGuestForm(context));
        endpoints.MapPost("/register/guest", (HttpContext context, RegistrationTriggers registrations) => registrations.RegisterGuestAsync(context));
        endpoints.MapPost("/api/guests", (HttpContext context, RegistrationTriggers registrations) => registrations.RegisterGuestAsync(context));
        endpoints.MapGet("/approve/{token}", (HttpContext context, string token, ApprovalPages pages) => pages.ShowAsync(context, token));
        endpoints.MapPost("/approve/{token}", (HttpContext context, string token, ApprovalPages pages) => pages.AnswerAsync(context, token));
        endpoints.MapGet("/approve/{token}/document", (HttpContext context, string token, ApprovalPages pages) => pages.ShowDocumentAsync(context, token));
        endpoints.MapGet("/upload/{token}", (HttpContext context, string token, UploadPages pages) => pages.ShowAsync(context, token));
        endpoints.MapPost("/upload/{token}", (HttpContext context, string token, UploadPages pages) => pages.UploadAsync(context, token));
        endpoints.MapGet("/matching/{day}/{token}", (HttpContext context, string day, string token, MatchingRoundPages pages) => pages.ShowAsync(context, day, token));
        endpoints.MapGet("/api/coordinator/cases/{id}", (HttpRequest request, string id, CoordinatorTriggers coordinator, CancellationToken cancellation) =>
            coordinator.GetCaseAsync(request, id, cancellation));
    }
}
