using System.Security.Cryptography;
using System.Text;

namespace RefugeeHome.Cases;

/// <summary>
/// The number people read and say of a case, such as <c>H-7K3P-9Q2M</c>: a letter for its kind and eight characters
/// of Crockford's base 32 (no I, L, O or U to misread) taken from a hash of the case's opaque id. It is the same every
/// time, needs no storage, and says nothing about the household; forty bits keep two cases of a hundred thousand apart.
/// </summary>
public static class CaseNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The case number of <paramref name="caseId"/>.</summary>
    public static string Of(string caseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var prefix = CaseKinds.Of(caseId) switch
        {
            CaseKind.Host => 'H',
            CaseKind.Guest => 'G',
            CaseKind.Placement => 'P',
            _ => throw new ArgumentException($"'{caseId}' is not a case id.", nameof(caseId)),
        };
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(caseId));
        var bits = ((ulong)hash[0] << 32) | ((ulong)hash[1] << 24) | ((ulong)hash[2] << 16) | ((ulong)hash[3] << 8) | hash[4];
        Span<char> digits = stackalloc char[8];
        for (var index = digits.Length - 1; index >= 0; index--)
        {
            digits[index] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return $"{prefix}-{digits[..4]}-{digits[4..]}";
    }

    /// <summary>
    /// <paramref name="text"/> as a case number would be written, for searching: upper case, without spaces, with the
    /// letters people confuse with digits read as those digits, and the dashes put where they belong.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var characters = text.Where(character => !char.IsWhiteSpace(character) && character != '-')
            .Select(character => char.ToUpperInvariant(character) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            }).ToArray();
        var compact = new string(characters);
        return compact.Length == 9 && compact[0] is 'H' or 'G' or 'P' ? $"{compact[0]}-{compact[1..5]}-{compact[5..]}" : compact;
    }
}
