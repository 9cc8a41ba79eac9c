using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RefugeeHome.Matching.Municipalities;

/// <summary>
/// The country's municipalities (CBS, 2026: 342), and the ways people write them ("'s-Hertogenbosch", "s-Hertogenbosch",
/// "Den Bosch") mapped to one canonical name, so variants do not split the counts. The list with its aliases is data
/// (<c>municipalities.json</c>); registration refuses a name not on it, and one that reached the records before is
/// kept in its cleaned form, never dropped. Each listed municipality also names its province, the region
/// matching and the matcher's shortage view group by, and where it lies, for distances between municipalities.
/// </summary>
public sealed class MunicipalityNames
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, string> _canonicalByKey;
    private readonly Dictionary<string, Entry> _entryByName;

    private MunicipalityNames(Dictionary<string, string> canonicalByKey, Dictionary<string, Entry> entryByName)
    {
        _canonicalByKey = canonicalByKey;
        _entryByName = entryByName;
    }

    /// <summary>The list shipped with the product.</summary>
    public static MunicipalityNames Default { get; } = Load();

    /// <summary>Canonical names on the list.</summary>
    public IReadOnlyCollection<string> Canonical => _canonicalByKey.Values.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The canonical name of <paramref name="written"/>, or its cleaned form when it is not on the list.</summary>
    /// <exception cref="ArgumentException">Nothing is left of the name after cleaning.</exception>
    public string Normalize(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var cleaned = Clean(written);
        if (cleaned.Length == 0)
        {
            throw new ArgumentException("A municipality name is required.", nameof(written));
        }

        return _canonicalByKey.TryGetValue(Key(cleaned), out var canonical) ? canonical : cleaned;
    }

    /// <summary>Whether <paramref name="written"/> names a municipality on the list, in any known spelling.</summary>
    public bool IsListed(string? written) =>
        written is not null && Clean(written) is { Length: > 0 } cleaned && _canonicalByKey.ContainsKey(Key(cleaned));

    /// <summary>The province of a municipality on the list (written in any known spelling), or null for one not on it.</summary>
    public string? ProvinceOf(string written) =>
        _entryByName.TryGetValue(Normalize(written), out var entry) ? entry.Province : null;

    /// <summary>Where a municipality on the list lies (its town hall, in degrees), or null for one not on it.</summary>
    public (double Latitude, double Longitude)? PositionOf(string written) =>
        _entryByName.TryGetValue(Normalize(written), out var entry) ? (entry.Latitude, entry.Longitude) : null;

    /// <summary>Trims, folds white space and turns typographic apostrophes into plain ones.</summary>
    private static string Clean(string written) =>
        string.Join(' ', written.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What two spellings of one name share: no case, accents, apostrophes or hyphens.</summary>
    private static string Key(string cleaned)
    {
        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or '-' or '/' && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    private static MunicipalityNames Load()
    {
        using var stream = typeof(MunicipalityNames).Assembly.GetManifestResourceStream("RefugeeHome.Matching.municipalities.json")
            ?? throw new InvalidOperationException("The municipality list is missing from the assembly.");
        var entries = JsonSerializer.Deserialize<List<Entry>>(stream, JsonOptions) ?? [];
        var canonicalByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var spelling in entry.Aliases.Prepend(entry.Name))
            {
                if (!canonicalByKey.TryAdd(Key(Clean(spelling)), entry.Name) && canonicalByKey[Key(Clean(spelling))] != entry.Name)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"'{spelling}' names both {canonicalByKey[Key(Clean(spelling))]} and {entry.Name} in the municipality list."));
                }
            }
        }

        return new MunicipalityNames(canonicalByKey, entries.ToDictionary(entry => entry.Name, StringComparer.Ordinal));
    }

    private sealed record Entry(string Name, string Province, double Latitude, double Longitude, IReadOnlyList<string> Aliases);
}
