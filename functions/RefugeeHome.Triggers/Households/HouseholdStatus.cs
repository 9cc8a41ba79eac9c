using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Households;

/// <summary>What a household's status page shows.</summary>
/// <param name="CaseNumber">The number to mention when it contacts us.</param>
/// <param name="Stage">Where its journey stands, labelled <c>status.{stage}</c> in the page texts.</param>
/// <param name="Since">Since when.</param>
/// <param name="ContactEmail">Whom it contacts at this stage.</param>
/// <param name="WithdrawLink">The host's own withdraw link, while it is open.</param>
/// <param name="EndPlacementLink">The household's own link to end its placement, while it is open.</param>
/// <param name="Address">The page's own path, which its forms post to.</param>
/// <param name="Antiforgery">The forms' anti-forgery field.</param>
/// <param name="ErasureRequested">Whether the household has asked for erasure.</param>
public sealed record HouseholdStatus(
    string CaseNumber, string Stage, DateTimeOffset Since, string ContactEmail, string? WithdrawLink, string? EndPlacementLink,
    string Address, AntiforgeryField Antiforgery, bool ErasureRequested);
