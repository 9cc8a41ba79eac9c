using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RefugeeHome.Triggers;
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

namespace RefugeeHome.Functions;

/// <summary>Every route of <see cref="HttpRoutes"/>, on the handlers the runner maps it to, with the client Durable Functions binds.</summary>
public sealed class HttpFunctions(
    RegistrationTriggers registrations, ApprovalPages approvals, UploadPages uploads, MatchingRoundPages rounds,
    CoordinatorTriggers coordinator, StatisticsTriggers statistics, StaffPages staff, CaseActions actions, OverviewPages overviews, StatusPages status, PrivacyPages privacy)
{
    [Function(nameof(ShowStaffSignIn))]
    public Task<IActionResult> ShowStaffSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.StaffSignIn)] HttpRequest request) =>
        ResultAction.Of(staff.ShowSignInAsync(request.HttpContext));

    [Function(nameof(StaffSignIn))]
    public Task<IActionResult> StaffSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.StaffSignIn)] HttpRequest request) =>
        ResultAction.Of(staff.SignInAsync(request.HttpContext));

    [Function(nameof(StaffSignOut))]
    public Task<IActionResult> StaffSignOut([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.StaffSignOut)] HttpRequest request) =>
        ResultAction.Of(Task.FromResult(staff.SignOut(request.HttpContext)));

    [Function(nameof(ShowStaffCases))]
    public Task<IActionResult> ShowStaffCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.StaffCases)] HttpRequest request) =>
        ResultAction.Of(staff.ShowCasesAsync(request.HttpContext));

    [Function(nameof(SearchStaffCases))]
    public Task<IActionResult> SearchStaffCases([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.StaffCases)] HttpRequest request) =>
        ResultAction.Of(staff.SearchCasesAsync(request.HttpContext));

    [Function(nameof(CloseStaffCase))]
    public Task<IActionResult> CloseStaffCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.StaffCaseClose)] HttpRequest request, string id, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(actions.CloseAsync(request.HttpContext, id, new WorkflowEvents(workflows)));

    [Function(nameof(CorrectStaffCase))]
    public Task<IActionResult> CorrectStaffCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.StaffCaseCorrect)] HttpRequest request, string id, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(actions.CorrectAsync(request.HttpContext, id, new WorkflowEvents(workflows)));

    [Function(nameof(EraseStaffCase))]
    public Task<IActionResult> EraseStaffCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.StaffCaseErase)] HttpRequest request, string id, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(actions.EraseAsync(request.HttpContext, id, new WorkflowEvents(workflows)));

    [Function(nameof(MatchStaffCase))]
    public Task<IActionResult> MatchStaffCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.StaffCaseMatch)] HttpRequest request, string id, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(actions.MatchAsync(request.HttpContext, id, new WorkflowEvents(workflows)));

    [Function(nameof(RejectStaffCaseProposal))]
    public Task<IActionResult> RejectStaffCaseProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.StaffCaseReject)] HttpRequest request, string id) =>
        ResultAction.Of(actions.RejectAsync(request.HttpContext, id));

    [Function(nameof(ShowStaffStatistics))]
    public Task<IActionResult> ShowStaffStatistics([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.StaffStatistics)] HttpRequest request) =>
        ResultAction.Of(overviews.ShowStatisticsAsync(request.HttpContext));

    [Function(nameof(ShowStaffShortages))]
    public Task<IActionResult> ShowStaffShortages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.StaffShortages)] HttpRequest request) =>
        ResultAction.Of(overviews.ShowShortagesAsync(request.HttpContext));

    [Function(nameof(ShowStaffCase))]
    public Task<IActionResult> ShowStaffCase([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.StaffCase)] HttpRequest request, string id) =>
        ResultAction.Of(staff.ShowCaseAsync(request.HttpContext, id));

    [Function(nameof(ShowHostForm))]
    public Task<IActionResult> ShowHostForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.HostForm)] HttpRequest request) =>
        ResultAction.Of(registrations.ShowHostFormAsync(request.HttpContext));

    [Function(nameof(RegisterHostForm))]
    public Task<IActionResult> RegisterHostForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.HostForm)] HttpRequest request, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(registrations.RegisterHostAsync(request.HttpContext, workflows));

    [Function(nameof(RegisterHost))]
    public Task<IActionResult> RegisterHost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.Hosts)] HttpRequest request, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(registrations.RegisterHostAsync(request.HttpContext, workflows));

    [Function(nameof(ShowGuestForm))]
    public Task<IActionResult> ShowGuestForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.GuestForm)] HttpRequest request) =>
        ResultAction.Of(registrations.ShowGuestFormAsync(request.HttpContext));

    [Function(nameof(RegisterGuestForm))]
    public Task<IActionResult> RegisterGuestForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.GuestForm)] HttpRequest request, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(registrations.RegisterGuestAsync(request.HttpContext, workflows));

    [Function(nameof(RegisterGuest))]
    public Task<IActionResult> RegisterGuest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.Guests)] HttpRequest request, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(registrations.RegisterGuestAsync(request.HttpContext, workflows));

    [Function(nameof(ShowApproval))]
    public Task<IActionResult> ShowApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.Approval)] HttpRequest request, string token, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(approvals.ShowAsync(request.HttpContext, token, new WorkflowEvents(workflows)));

    [Function(nameof(AnswerApproval))]
    public Task<IActionResult> AnswerApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.Approval)] HttpRequest request, string token, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(approvals.AnswerAsync(request.HttpContext, token, new WorkflowEvents(workflows)));

    [Function(nameof(ShowApprovalDocument))]
    public Task<IActionResult> ShowApprovalDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.ApprovalDocument)] HttpRequest request, string token, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(approvals.ShowDocumentAsync(request.HttpContext, token, new WorkflowEvents(workflows)));

    [Function(nameof(ShowUpload))]
    public Task<IActionResult> ShowUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.Upload)] HttpRequest request, string token, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(uploads.ShowAsync(request.HttpContext, token, new WorkflowEvents(workflows)));

    [Function(nameof(Upload))]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.Upload)] HttpRequest request, string token, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(uploads.UploadAsync(request.HttpContext, token, new WorkflowEvents(workflows)));

    [Function(nameof(ShowStyleSheet))]
    public IActionResult ShowStyleSheet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.StyleSheet)] HttpRequest request, string name) =>
        new ResultAction(StyleSheets.Serve(request.HttpContext, name));

    [Function(nameof(ShowMatchingRound))]
    public Task<IActionResult> ShowMatchingRound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.MatchingRound)] HttpRequest request, string round, string token) =>
        ResultAction.Of(rounds.ShowAsync(request.HttpContext, round, token));

    [Function(nameof(ShowHouseholdStatus))]
    public Task<IActionResult> ShowHouseholdStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.HouseholdStatus)] HttpRequest request, string id, string token) =>
        ResultAction.Of(status.ShowAsync(request.HttpContext, id, token));

    [Function(nameof(ExportHouseholdData))]
    public Task<IActionResult> ExportHouseholdData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.HouseholdExport)] HttpRequest request, string id, string token) =>
        ResultAction.Of(status.ExportAsync(request.HttpContext, id, token));

    [Function(nameof(RequestHouseholdErasure))]
    public Task<IActionResult> RequestHouseholdErasure(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.HouseholdErasure)] HttpRequest request, string id, string token) =>
        ResultAction.Of(status.RequestErasureAsync(request.HttpContext, id, token));

    [Function(nameof(ShowPrivacyNotice))]
    public Task<IActionResult> ShowPrivacyNotice([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.Privacy)] HttpRequest request) =>
        ResultAction.Of(privacy.ShowAsync(request.HttpContext));

    [Function(nameof(GetCase))]
    public Task<IActionResult> GetCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.CoordinatorCase)] HttpRequest request, string id, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(coordinator.GetCaseAsync(request, id, workflows, request.HttpContext.RequestAborted));

    [Function(nameof(StartMatchingRound))]
    public Task<IActionResult> StartMatchingRound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.CoordinatorMatchingRounds)] HttpRequest request, [DurableClient] DurableTaskClient workflows) =>
        ResultAction.Of(coordinator.StartMatchingRoundAsync(request, workflows, request.HttpContext.RequestAborted));

    [Function(nameof(RunStatistics))]
    public Task<IActionResult> RunStatistics([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.StatisticsRun)] HttpRequest request) =>
        ResultAction.Of(statistics.RunNowAsync(request, request.HttpContext.RequestAborted));

    [Function(nameof(GetStatisticsReport))]
    public Task<IActionResult> GetStatisticsReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.StatisticsReport)] HttpRequest request, string date) =>
        ResultAction.Of(statistics.GetReportAsync(request, date, request.HttpContext.RequestAborted));
}
