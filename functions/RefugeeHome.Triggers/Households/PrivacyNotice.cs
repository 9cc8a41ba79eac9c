namespace RefugeeHome.Triggers.Households;

/// <summary>What the privacy notice states from settings, so it says what the product does.</summary>
/// <param name="RetainDays">Days a household's data is kept after its journey ends.</param>
/// <param name="ContactEmail">Where questions about data go.</param>
public sealed record PrivacyNotice(int RetainDays, string ContactEmail);
