namespace RefugeeHome.Registrations.Tests;

internal static class Registrations
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static HostRegistration Valid(string language = "nl") => new(
        Guid.NewGuid().ToString(), language, "Anna", "de Vries", $"anna.{Guid.NewGuid():N}@example.org", "06 " + Random.Shared.Next(10_000_000, 99_999_999),
        "Kerkstraat", Random.Shared.Next(1, 9_999) + "a", "1011 AB", "Amsterdam", 3, Today.AddDays(7), Today.AddMonths(6)) { PrivacyConsent = true };
}
