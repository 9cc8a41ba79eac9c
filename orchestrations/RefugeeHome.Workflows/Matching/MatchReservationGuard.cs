using RefugeeHome.Approvals;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// Approving a match proposal reserves host and guest household before the approval is recorded, so a matcher whose
/// approval conflicts with another learns it on the page at once, and the proposal's link stays open for another try.
/// </summary>
public sealed class MatchReservationGuard(MatchingPool pool) : IApprovalGuard
{
    /// <summary>The purpose of match proposal links.</summary>
    public const string Purpose = "match";

    private static readonly Dictionary<string, (string HostTaken, string HostUnavailable, string GuestTaken)> Texts = new(StringComparer.Ordinal)
    {
        ["nl"] = ("Dit gastgezin is zojuist aan een ander huishouden gekoppeld. Kies een ander voorstel uit de e-mail.",
                  "Dit gastgezin is niet meer beschikbaar (gepauzeerd of gestopt). Kies een ander voorstel uit de e-mail.",
                  "Voor dit huishouden is zojuist een ander voorstel goedgekeurd. Er is niets veranderd."),
        ["en"] = ("This host household has just been matched with another household. Please choose another proposal from the email.",
                  "This host household is no longer available (paused or stopped). Please choose another proposal from the email.",
                  "Another proposal has just been approved for this household. Nothing has changed."),
        ["uk"] = ("Цю приймаючу родину щойно поєднано з іншим домогосподарством. Оберіть іншу пропозицію з листа.",
                  "Ця приймаюча родина більше не доступна (пауза або завершення). Оберіть іншу пропозицію з листа.",
                  "Для цього домогосподарства щойно схвалено іншу пропозицію. Нічого не змінилося."),
        ["ru"] = ("Эту принимающую семью только что соединили с другим домохозяйством. Выберите другое предложение из письма.",
                  "Эта принимающая семья больше не доступна (пауза или завершение). Выберите другое предложение из письма.",
                  "Для этого домохозяйства только что одобрено другое предложение. Ничего не изменилось."),
    };

    /// <inheritdoc />
    public bool Covers(ApprovalLink link) => link?.Purpose == Purpose;

    /// <inheritdoc />
    public async Task<string?> AcquireAsync(ApprovalLink link, ApprovalSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(submission);
        var texts = Texts.GetValueOrDefault(link.Language, Texts["en"]);
        return await pool.ReserveAsync(PlacementIds.From(link.Id), submission.Choice, link.InstanceId, cancellationToken) switch
        {
            ReservationOutcome.Reserved => null,
            ReservationOutcome.HostTaken => texts.HostTaken,
            ReservationOutcome.HostUnavailable => texts.HostUnavailable,
            _ => texts.GuestTaken,
        };
    }

    /// <inheritdoc />
    public Task ReleaseAsync(ApprovalLink link, ApprovalSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(submission);
        return pool.ReleaseAsync(PlacementIds.From(link.Id), submission.Choice, link.InstanceId, restoreOffer: true, cancellationToken);
    }
}
