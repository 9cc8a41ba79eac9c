using System.Text.RegularExpressions;

namespace RefugeeHome.Registrations;

/// <summary>
/// What text people type may hold. Control characters and the invisible marks that reorder text on screen are refused
/// everywhere: in a staff email an override would let a name disguise the line beside it. Email addresses must be
/// addresses a mail service delivers to, not anything with an '@'.
/// </summary>
public static partial class TypedText
{
    /// <summary>
    /// Whether <paramref name="value"/> holds no control character and no bidirectional formatting mark; line breaks
    /// and tabs only where <paramref name="multiline"/>. Null and empty are clean.
    /// </summary>
    public static bool IsClean(string? value, bool multiline = false) =>
        value is null || !value.Any(character => IsBidiControl(character) || (char.IsControl(character) && !(multiline && character is '\n' or '\r' or '\t')));

    /// <summary>Whether a name holds a letter or digit, not only marks, spaces or invisible characters.</summary>
    public static bool HasLetters(string? value) => string.IsNullOrEmpty(value) || value.Any(char.IsLetterOrDigit);

    /// <summary>Whether <paramref name="value"/> is an email address as the HTML standard defines one, with a dot in its domain. Null and empty are left to a required check.</summary>
    public static bool IsEmailAddress(string? value) => string.IsNullOrEmpty(value) || (value.Length <= 254 && EmailAddress().IsMatch(value));

    /// <summary>
    /// Whether <paramref name="value"/> holds a citizen service number (BSN): nine digits, written together or in
    /// groups, that pass the eleven test. Such a number has no place in a note sent to a household by email.
    /// </summary>
    public static bool HoldsCitizenServiceNumber(string? value) =>
        value is not null && NineDigits().Matches(value).Any(match => PassesElevenTest(new string(match.Value.Where(char.IsAsciiDigit).ToArray())));

    private static bool PassesElevenTest(string digits)
    {
        var sum = 0;
        for (var index = 0; index < 8; index++)
        {
            sum += (digits[index] - '0') * (9 - index);
        }

        return (sum - (digits[8] - '0')) % 11 == 0 && digits != "000000000";
    }

    private static bool IsBidiControl(char character) =>
        character is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ .\-]?[0-9]){8}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NineDigits();

    // The WHATWG definition of a valid email address, its domain required to have at least two labels.
    [GeneratedRegex(@"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
