using System.Globalization;
using System.Text;

namespace RefugeeHome.Cases;

/// <summary>
/// A case in the console's directory with what a typed search is compared with, folded once when the case is read
/// rather than at every search: the name without case or accents, the email in lower case, the phone's digits.
/// </summary>
internal sealed class ListedCase(CaseSummary summary)
{
    private readonly string? _name = summary.Name is { } name ? Fold(name) : null;
    private readonly string? _email = summary.Email?.ToLowerInvariant();
    private readonly string? _phone = summary.Phone is { } phone ? Digits(phone) : null;

    public CaseSummary Summary { get; } = summary;

    /// <summary>
    /// Whether a search for <paramref name="text"/> finds the case: its id, a part of its case number of four
    /// characters or more, a part of its name or email, or four digits or more of its phone number.
    /// </summary>
    public bool Matches(string text, string caseNumber, string folded, string digits) =>
        Summary.Id == text
        || (caseNumber.Length >= 4 && Summary.CaseNumber.Contains(caseNumber, StringComparison.Ordinal))
        || (_name is not null && _name.Contains(folded, StringComparison.Ordinal))
        || (_email is not null && _email.Contains(folded, StringComparison.Ordinal))
        || (digits.Length >= 4 && _phone is not null && _phone.Contains(digits, StringComparison.Ordinal));

    /// <summary>Text as a search compares it: lower case, accents and other marks left out ("Ö" finds "o", "й" finds "и").</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(character));
            }
        }

        return folded.ToString();
    }

    /// <summary>The digits of a phone number in Dutch national form, so +31 6…, 0031 6… and 06… find each other.</summary>
    public static string Digits(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var international = text.TrimStart().StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal);
        digits = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits;
        return international && digits.StartsWith("31", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }
}
