using System.Globalization;
using Azure.Data.Tables;

namespace RefugeeHome.Runner.LocalMail;

/// <summary>
/// Long text in an outbox row. A table property holds at most 64 KiB (32,000 characters), a matcher's overview of a
/// busy round is longer, and a sink that cannot keep an email answers SendGrid's way with an error the workflow retries
/// for days; so the text goes into numbered properties (<c>Html</c>, <c>Html1</c>, …), as many as a row has room for.
/// </summary>
public static class OutboxText
{
    private const int PartLength = 30_000;

    // Two texts of this many parts, with the row's other properties, stay under a row's 1 MiB.
    private const int MostParts = 7;

    private const string Cut = "\n[The rest of this email was longer than the local outbox keeps.]";

    /// <summary>Writes <paramref name="text"/> into <paramref name="row"/> as <paramref name="name"/>.</summary>
    public static void Write(TableEntity row, string name, string? text)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (text is null)
        {
            return;
        }

        var kept = text.Length <= PartLength * MostParts ? text : text[..((PartLength * MostParts) - Cut.Length)] + Cut;
        for (var part = 0; part * PartLength < kept.Length; part++)
        {
            row[PartName(name, part)] = kept.Substring(part * PartLength, Math.Min(PartLength, kept.Length - (part * PartLength)));
        }
    }

    /// <summary>Reads the text <see cref="Write"/> wrote as <paramref name="name"/>, or null.</summary>
    public static string? Read(TableEntity row, string name)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.GetString(name) is not { } first)
        {
            return null;
        }

        var parts = new List<string> { first };
        for (var part = 1; row.GetString(PartName(name, part)) is { } next; part++)
        {
            parts.Add(next);
        }

        return string.Concat(parts);
    }

    private static string PartName(string name, int part) => part == 0 ? name : name + part.ToString(CultureInfo.InvariantCulture);
}
