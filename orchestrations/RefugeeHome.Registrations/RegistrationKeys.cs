using System.Security.Cryptography;
using System.Text;

namespace RefugeeHome.Registrations;

/// <summary>
/// What makes two registrations the same household: the email, the phone number or the address, each normalised so
/// that spelling differences do not hide a duplicate. Stored as hashes: the keys reveal nothing by themselves.
/// </summary>
public static class RegistrationKeys
{
    /// <summary>Key of an email address: trimmed, lower case.</summary>
    public static string Email(string email) => Hash("email", (email ?? "").Trim().ToLowerInvariant());

    /// <summary>Key of a phone number: digits only, Dutch numbers in national form (+31 6… and 0031 6… become 06…).</summary>
    public static string Phone(string phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        var international = (phone ?? "").TrimStart().StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal);
        digits = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits;
        var national = international && digits.StartsWith("31", StringComparison.Ordinal) ? "0" + digits[2..] : international ? "+" + digits : digits;
        return Hash("phone", national);
    }

    /// <summary>Key of an address: postcode without space in capitals, and the house number with its addition.</summary>
    public static string Address(string postcode, string houseNumber) =>
        Hash("address", $"{(postcode ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}|{(houseNumber ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}");

    private static string Hash(string kind, string value) =>
        kind + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
