namespace RefugeeHome.Registrations;

/// <summary>What staff may correct of a host household's registration; the form sends every field, changed or not.</summary>
/// <param name="Municipality">Its municipality.</param>
/// <param name="Languages">Languages it speaks.</param>
/// <param name="Email">Where its emails go.</param>
/// <param name="Phone">Its phone number.</param>
public sealed record HostCorrection(string Municipality, IReadOnlyList<string> Languages, string Email, string Phone);

/// <summary>What staff may correct of a guest household's registration; the form sends every field, changed or not.</summary>
/// <param name="Municipality">The registering municipality.</param>
/// <param name="EligibilityRecorded">Whether its eligibility for private hosting has been established.</param>
/// <param name="HouseholdLanguage">The language it reads its emails in.</param>
/// <param name="Languages">Languages it speaks.</param>
/// <param name="ContactEmail">Its own email address, if any.</param>
/// <param name="ContactPhone">Its phone number, if any.</param>
public sealed record GuestCorrection(
    string Municipality, bool EligibilityRecorded, string HouseholdLanguage, IReadOnlyList<string> Languages, string? ContactEmail, string? ContactPhone);
