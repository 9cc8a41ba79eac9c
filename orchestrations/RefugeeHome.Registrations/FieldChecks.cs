using RefugeeHome.Matching.Municipalities;

namespace RefugeeHome.Registrations;

/// <summary>The checks both registration forms make of their fields.</summary>
internal static partial class FieldChecks
{
    /// <summary>Languages a household can say it speaks; <c>other</c> stands for the rest.</summary>
    public static readonly IReadOnlySet<string> Spoken = new HashSet<string>(StringComparer.Ordinal) { "nl", "en", "uk", "ru", "other" };

    /// <summary>Whether <paramref name="municipality"/> is one of the country's municipalities; an empty one is left to the required check.</summary>
    public static bool IsMunicipality(string? municipality) => string.IsNullOrWhiteSpace(municipality) || MunicipalityNames.Default.IsListed(municipality);

    /// <summary>Whether <paramref name="language"/> is one the pages and emails are written in; null is not.</summary>
    public static bool IsOffered(string? language) => language is not null && RegistrationTexts.Languages.Contains(language, StringComparer.Ordinal);

    /// <summary>Whether every entry of <paramref name="languages"/> is a spoken language the forms offer; a missing list is not.</summary>
    public static bool AreSpoken(IReadOnlyList<string>? languages) => languages is not null && languages.All(language => language is not null && Spoken.Contains(language));

    /// <summary>Whether <paramref name="value"/> is a phone number as people write it, Dutch or international; empty is left to a required check.</summary>
    public static bool IsPhone(string? value) => string.IsNullOrEmpty(value) || PhoneNumber().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9 ()\-]{9,20}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PhoneNumber();
}
