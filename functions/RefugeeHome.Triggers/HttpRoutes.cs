using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using RefugeeHome.Triggers.Approvals;
using RefugeeHome.Triggers.Coordinator;
using RefugeeHome.Triggers.Documents;
using RefugeeHome.Triggers.Households;
using RefugeeHome.Triggers.Matching;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Triggers.Registrations;
using RefugeeHome.Triggers.Staff;
using RefugeeHome.Triggers.Statistics;
using RefugeeHome.Workflows;

namespace RefugeeHome.Triggers;

/// <summary>
/// The product's HTTP routes, served by both hosts: the runner maps them with <see cref="MapHttpRoutes"/>, and the
/// Functions app has an HTTP trigger on each template, which a test checks against the runner's routes.
/// </summary>
public static class HttpRoutes
{
    /// <summary>The host registration form.</summary>
    public const string HostForm = "register/host";

    /// <summary>The guest registration form.</summary>
    public const string GuestForm = "register/guest";

    /// <summary>Host registration as JSON.</summary>
    public const string Hosts = "api/hosts";

    /// <summary>Guest registration as JSON.</summary>
    public const string Guests = "api/guests";

    /// <summary>A link's question.</summary>
    public const string Approval = "approve/{token}";

    /// <summary>The private document a link's question is about.</summary>
    public const string ApprovalDocument = "approve/{token}/document";

    /// <summary>A link's upload page.</summary>
    public const string Upload = "upload/{token}";

    /// <summary>A style sheet of the pages.</summary>
    public const string StyleSheet = StyleSheets.Route + "/{name}";

    /// <summary>The page of a round of matching.</summary>
    public const string MatchingRound = "matching/{round}/{token}";

    /// <summary>Where a case stands, for coordinators.</summary>
    public const string CoordinatorCase = "api/coordinator/cases/{id}";

    /// <summary>A round of matching started by a coordinator.</summary>
    public const string CoordinatorMatchingRounds = "api/coordinator/matching-rounds";

    /// <summary>The ministry's report run on demand.</summary>
    public const string StatisticsRun = "api/statistics/run";

    /// <summary>A ministry report.</summary>
    public const string StatisticsReport = "api/statistics/reports/{date}";

    /// <summary>The staff sign-in.</summary>
    public const string StaffSignIn = "staff/sign-in";

    /// <summary>The staff sign-out.</summary>
    public const string StaffSignOut = "staff/sign-out";

    /// <summary>The console's list of cases.</summary>
    public const string StaffCases = "staff";

    /// <summary>One case in the console.</summary>
    public const string StaffCase = "staff/cases/{id}";

    /// <summary>A coordinator closes a stuck case.</summary>
    public const string StaffCaseClose = "staff/cases/{id}/close";

    /// <summary>The latest ministry report in the console.</summary>
    public const string StaffStatistics = "staff/statistics";

    /// <summary>Where hosts run short, per region.</summary>
    public const string StaffShortages = "staff/shortages";

    /// <summary>Staff correct a household's registration.</summary>
    public const string StaffCaseCorrect = "staff/cases/{id}/correct";

    /// <summary>A coordinator erases a finished household's data.</summary>
    public const string StaffCaseErase = "staff/cases/{id}/erase";

    /// <summary>The matcher matches a waiting household by hand.</summary>
    public const string StaffCaseMatch = "staff/cases/{id}/match";

    /// <summary>The matcher turns a proposal down.</summary>
    public const string StaffCaseReject = "staff/cases/{id}/reject";

    /// <summary>A household's own status page.</summary>
    public const string HouseholdStatus = StatusPage.Page + "/{id}/{token}";

    /// <summary>A household downloads its data.</summary>
    public const string HouseholdExport = StatusPage.Page + "/{id}/{token}/export";

    /// <summary>A household asks for its data to be erased.</summary>
    public const string HouseholdErasure = StatusPage.Page + "/{id}/{token}/erasure";

    /// <summary>The privacy notice.</summary>
    public const string Privacy = "privacy";

    /// <summary>Maps every route onto the handlers, with the host's Durable Task client from its container.</summary>
    public static IEndpointRouteBuilder MapHttpRoutes(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(HostForm, (HttpContext context, RegistrationTriggers registrations) => registrations.ShowHostFormAsync(context));
        endpoints.MapPost(HostForm, (HttpContext context, RegistrationTriggers registrations, DurableTaskClient workflows) => registrations.RegisterHostAsync(context, workflows));
        endpoints.MapPost(Hosts, (HttpContext context, RegistrationTriggers registrations, DurableTaskClient workflows) => registrations.RegisterHostAsync(context, workflows));
        endpoints.MapGet(GuestForm, (HttpContext context, RegistrationTriggers registrations) => registrations.ShowGuestFormAsync(context));
        endpoints.MapPost(GuestForm, (HttpContext context, RegistrationTriggers registrations, DurableTaskClient workflows) => registrations.RegisterGuestAsync(context, workflows));
        endpoints.MapPost(Guests, (HttpContext context, RegistrationTriggers registrations, DurableTaskClient workflows) => registrations.RegisterGuestAsync(context, workflows));
        endpoints.MapGet(Approval, (HttpContext context, string token, ApprovalPages pages, DurableTaskClient workflows) => pages.ShowAsync(context, token, new WorkflowEvents(workflows)));
        endpoints.MapPost(Approval, (HttpContext context, string token, ApprovalPages pages, DurableTaskClient workflows) => pages.AnswerAsync(context, token, new WorkflowEvents(workflows)));
        endpoints.MapGet(ApprovalDocument, (HttpContext context, string token, ApprovalPages pages, DurableTaskClient workflows) => pages.ShowDocumentAsync(context, token, new WorkflowEvents(workflows)));
        endpoints.MapGet(Upload, (HttpContext context, string token, UploadPages pages, DurableTaskClient workflows) => pages.ShowAsync(context, token, new WorkflowEvents(workflows)));
        endpoints.MapPost(Upload, (HttpContext context, string token, UploadPages pages, DurableTaskClient workflows) => pages.UploadAsync(context, token, new WorkflowEvents(workflows)));
        endpoints.MapGet(StyleSheet, (HttpContext context, string name) => StyleSheets.Serve(context, name));
        endpoints.MapGet(MatchingRound, (HttpContext context, string round, string token, MatchingRoundPages pages) => pages.ShowAsync(context, round, token));
        endpoints.MapGet(CoordinatorCase, (HttpRequest request, string id, CoordinatorTriggers coordinator, DurableTaskClient workflows, CancellationToken cancellation) =>
            coordinator.GetCaseAsync(request, id, workflows, cancellation));
        endpoints.MapPost(CoordinatorMatchingRounds, (HttpRequest request, CoordinatorTriggers coordinator, DurableTaskClient workflows, CancellationToken cancellation) =>
            coordinator.StartMatchingRoundAsync(request, workflows, cancellation));
        endpoints.MapPost(StatisticsRun, (HttpRequest request, StatisticsTriggers statistics, CancellationToken cancellation) => statistics.RunNowAsync(request, cancellation));
        endpoints.MapGet(StatisticsReport, (HttpRequest request, string date, StatisticsTriggers statistics, CancellationToken cancellation) =>
            statistics.GetReportAsync(request, date, cancellation));
        endpoints.MapGet(StaffSignIn, (HttpContext context, StaffPages staff) => staff.ShowSignInAsync(context));
        endpoints.MapPost(StaffSignIn, (HttpContext context, StaffPages staff) => staff.SignInAsync(context));
        endpoints.MapGet(StaffSignOut, (HttpContext context, StaffPages staff) => staff.SignOut(context));
        endpoints.MapGet(StaffCases, (HttpContext context, StaffPages staff) => staff.ShowCasesAsync(context));
        endpoints.MapPost(StaffCases, (HttpContext context, StaffPages staff) => staff.SearchCasesAsync(context));
        endpoints.MapGet(StaffStatistics, (HttpContext context, OverviewPages overviews) => overviews.ShowStatisticsAsync(context));
        endpoints.MapGet(StaffShortages, (HttpContext context, OverviewPages overviews) => overviews.ShowShortagesAsync(context));
        endpoints.MapGet(StaffCase, (HttpContext context, string id, StaffPages staff) => staff.ShowCaseAsync(context, id));
        endpoints.MapPost(StaffCaseClose, (HttpContext context, string id, CaseActions actions, DurableTaskClient workflows) =>
            actions.CloseAsync(context, id, new WorkflowEvents(workflows)));
        endpoints.MapPost(StaffCaseCorrect, (HttpContext context, string id, CaseActions actions, DurableTaskClient workflows) =>
            actions.CorrectAsync(context, id, new WorkflowEvents(workflows)));
        endpoints.MapPost(StaffCaseErase, (HttpContext context, string id, CaseActions actions, DurableTaskClient workflows) =>
            actions.EraseAsync(context, id, new WorkflowEvents(workflows)));
        endpoints.MapPost(StaffCaseMatch, (HttpContext context, string id, CaseActions actions, DurableTaskClient workflows) =>
            actions.MatchAsync(context, id, new WorkflowEvents(workflows)));
        endpoints.MapPost(StaffCaseReject, (HttpContext context, string id, CaseActions actions) => actions.RejectAsync(context, id));
        endpoints.MapGet(HouseholdStatus, (HttpContext context, string id, string token, StatusPages status) => status.ShowAsync(context, id, token));
        endpoints.MapPost(HouseholdExport, (HttpContext context, string id, string token, StatusPages status) => status.ExportAsync(context, id, token));
        endpoints.MapPost(HouseholdErasure, (HttpContext context, string id, string token, StatusPages status) => status.RequestErasureAsync(context, id, token));
        endpoints.MapGet(Privacy, (HttpContext context, PrivacyPages privacy) => privacy.ShowAsync(context));
        return endpoints;
    }
}
