namespace RefugeeHome.Triggers.Matching;

/// <summary>One page of a round of matching, in the staff's words.</summary>
public sealed record MatchingRoundView(string Title, string Summary, IReadOnlyList<RoundHouseholdView> Households, PageLink? Previous, PageLink? Next);

/// <summary>A waiting household and its proposals.</summary>
public sealed record RoundHouseholdView(string GuestId, string About, IReadOnlyList<ProposalView> Proposals);

/// <summary>A proposal explained line by line, with its approval link while it is open and its state once it is not.</summary>
public sealed record ProposalView(IReadOnlyList<string> Lines, PageLink? Approve, string? State);

/// <summary>A link with its text.</summary>
public sealed record PageLink(string Address, string Label);
