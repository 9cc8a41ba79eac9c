using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using RefugeeHome.Registrations;
using RefugeeHome.Triggers.Matching;
using RefugeeHome.Triggers.Security;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Activities;

namespace RefugeeHome.Triggers.Coordinator;

/// <summary>The coordinator API key (<c>Coordinator__ApiKey</c>); without one the endpoints refuse everyone.</summary>
/// <param name="ApiKey">The key.</param>
public sealed record CoordinatorAccess(string? ApiKey);

/// <summary>
/// Where a case stands, for coordinators: the workflow's runtime and custom status and the household's or placement's
/// record. Ids in, ids and stages out: no name, address or contact detail leaves through this endpoint.
/// </summary>
public sealed class CoordinatorTriggers(
    CoordinatorAccess access, HostRegistry hosts, GuestRegistry guests, PlacementRecords placements, MatchingRoundStarts rounds)
{
    /// <summary><c>GET /api/coordinator/cases/{id}</c> for a host, guest or placement id.</summary>
    public async Task<IResult> GetCaseAsync(HttpRequest request, string id, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflows);
        if (!ApiKeyCheck.IsAuthorized(request, access.ApiKey))
        {
            return Unauthorized();
        }

        if (string.IsNullOrWhiteSpace(id) || id.Length > 100 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Results.Json(new { error = "Not a case id." }, statusCode: StatusCodes.Status400BadRequest);
        }

        var instance = await workflows.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        object? record = id switch
        {
            _ when id.StartsWith("host-", StringComparison.Ordinal) && await hosts.FindAsync(id, cancellationToken) is { } host =>
                new { host.Status, host.Municipality, host.DuplicateAttempts },
            _ when id.StartsWith("guest-", StringComparison.Ordinal) && await guests.FindAsync(id, cancellationToken) is { } guest =>
                new { guest.Status, guest.Registration.Municipality, guest.WaitingSince, MayBeMatched = guest.Registration.MayBeMatched },
            _ when id.StartsWith("placement-", StringComparison.Ordinal) => await placements.FindAsync(id, cancellationToken),
            _ => null,
        };
        if (instance is null && record is null)
        {
            return Results.Json(new { error = $"No case {id}." }, statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Json(new
        {
            id,
            workflow = instance?.Name,
            runtimeStatus = instance?.RuntimeStatus.ToString(),
            customStatus = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<WorkflowStatus>(),
            // A failed workflow's output is the engine's description of the failure, not the workflow's JSON.
            output = instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed, SerializedOutput: { } output } ? JsonSerializer.Deserialize<JsonElement>(output) : (JsonElement?)null,
            failure = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed
                ? instance.FailureDetails is { } failure ? $"{failure.ErrorType}: {failure.ErrorMessage}" : instance.SerializedOutput
                : null,
            record,
        });
    }

    /// <summary>
    /// <c>POST /api/coordinator/matching-rounds</c>: starts a round of matching now instead of at the next scheduled
    /// time. A round is named by its minute, so a second request in the same minute starts nothing.
    /// </summary>
    public async Task<IResult> StartMatchingRoundAsync(HttpRequest request, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApiKeyCheck.IsAuthorized(request, access.ApiKey))
        {
            return Unauthorized();
        }

        var (round, started) = await rounds.StartNowAsync(workflows, cancellationToken);
        return Results.Json(new { round, started }, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Unauthorized() =>
        Results.Json(new { error = $"Send the coordinator key in the {ApiKeyCheck.Header} header." }, statusCode: StatusCodes.Status401Unauthorized);
}
