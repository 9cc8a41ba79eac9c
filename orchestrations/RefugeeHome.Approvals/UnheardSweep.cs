namespace RefugeeHome.Approvals;

/// <summary>What a sweep of unheard answers did.</summary>
/// <param name="PassedOn">Answers passed on to their workflows.</param>
/// <param name="Failures">Why markers could not be handled; each is tried again at the next sweep.</param>
public sealed record UnheardSweep(int PassedOn, IReadOnlyList<Exception> Failures);
