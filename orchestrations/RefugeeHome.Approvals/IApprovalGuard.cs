namespace RefugeeHome.Approvals;

/// <summary>
/// Work that must succeed before an answer is recorded, such as reserving a host for a match, so the person learns
/// at once on the page when the answer cannot stand. It must be idempotent per link: a repeated submission of the same
/// link acquires what it acquired before.
/// </summary>
public interface IApprovalGuard
{
    /// <summary>True when this guard applies to <paramref name="link"/>.</summary>
    bool Covers(ApprovalLink link);

    /// <summary>Acquires what the answer needs; returns why it cannot stand, in the link's language, or null.</summary>
    Task<string?> AcquireAsync(ApprovalLink link, ApprovalSubmission submission, CancellationToken cancellationToken);

    /// <summary>Gives back what <see cref="AcquireAsync"/> took, when the answer was not recorded after all.</summary>
    Task ReleaseAsync(ApprovalLink link, ApprovalSubmission submission, CancellationToken cancellationToken);
}
