using System.Globalization;

namespace RefugeeHome.Hosting.Tests;

/// <summary>A host household's registration as its form sends it to <c>POST /api/hosts</c>, for tests that register many.</summary>
internal static class HostRegistrations
{
    /// <summary>
    /// A complete registration; each household its own <paramref name="phone"/> and <paramref name="houseNumber"/> unless a
    /// test means it to be the same household registered again.
    /// </summary>
    public static object Body(string email, string phone, string houseNumber) => new
    {
        submissionId = Guid.NewGuid().ToString(), language = "en", firstName = "Sam", lastName = "Visser", email, phone,
        street = "Oudegracht", houseNumber, postcode = "3511 AB", municipality = "Utrecht", capacity = 2, privacyConsent = true,
        availableFrom = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), languages = new[] { "nl", "en" },
    };
}
