using RefugeeHome.Matching.Municipalities;

namespace RefugeeHome.Registrations;

/// <summary>The checks both registration forms make of their fields.</summary>
internal static class FieldChecks
{
    /// <summary>Languages a household can say it speaks; <c>other</c> stands for the rest.</summary>
    public static readonly IReadOnlySet<string> Spoken = new HashSet<string>(StringComparer.Ordinal) { "nl", "en", "uk", "ru", "other" };

    /// <summary>Whether <paramref name="municipality"/> is one of the country's municipalities; an empty one is left to the required check.</summary>
    public static bool IsMunicipality(string? municipality) => string.IsNullOrWhiteSpace(municipality) || MunicipalityNames.Default.IsListed(municipality);

    /// <summary>Whether <paramref name="language"/> is one the pages and emails are written in; null is not.</summary>
    public static bool IsOffered(string? language) => language is not null && RegistrationTexts.Languages.Contains(language, StringComparer.Ordinal);

    /// <summary>Whether every entry of <paramref name="languages"/> is a spoken language the forms offer; a missing list is not.</summary>
    public static bool AreSpoken(IReadOnlyList<string>? languages) => languages is not null && languages.All(language => language is not null && Spoken.Contains(language));

    /// <summary>A phone number as people write it, Dutch or international.</summary>
    public const string PhonePattern = @"^\+?[0-9 ()\-]{9,20}$";

    public static bool HasNoLineBreak(string? value) => value is null || (!value.Contains('\r', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal));
}
