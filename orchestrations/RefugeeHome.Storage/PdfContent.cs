using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace RefugeeHome.Storage;

/// <summary>
/// Whether a PDF carries something that runs when it is opened, or is a page of HTML behind a PDF header. A VOG is a
/// plain document; a file with scripts, launch actions, forms that post or embedded files has no business in it. The
/// names are read from the file as written, with their <c>#xx</c> escapes undone, and from its compressed streams
/// (object streams among them) once inflated. The screener's page still serves every document only as a download in a
/// sandbox, for whatever a reader might find that this does not.
/// </summary>
public static partial class PdfContent
{
    // How much all the streams of one file may inflate to: enough for a scanned document, not for a zip bomb.
    private const int InflateBudget = 32 * 1024 * 1024;

    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "SubmitForm", "ImportData", "XFA",
    };

    private static readonly string[] HtmlMarkers = ["<script", "<html", "<iframe", "<body", "javascript:"];

    /// <summary>Whether <paramref name="pdf"/> holds an active name or an HTML body, as written or in a compressed stream.</summary>
    public static bool IsActive(ReadOnlySpan<byte> pdf)
    {
        // Latin-1 maps every byte to one character, so offsets and ASCII names stay as they are in the file.
        var text = Encoding.Latin1.GetString(pdf);
        return HtmlMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase)) || HoldsActiveName(text)
            || InflatedStreams(text).Any(HoldsActiveName);
    }

    private static bool HoldsActiveName(string text) => Name().Matches(text).Any(name => ActiveNames.Contains(Unescape(name.Groups["name"].Value)));

    private static IEnumerable<string> InflatedStreams(string text)
    {
        var budget = InflateBudget;
        for (var start = text.IndexOf("stream", StringComparison.Ordinal); start >= 0 && budget > 0; start = text.IndexOf("stream", start + 6, StringComparison.Ordinal))
        {
            var body = start + 6;
            if (start >= 3 && text.AsSpan(start - 3, 3).SequenceEqual("end") || !TryBodyStart(text, ref body))
            {
                continue;
            }

            var end = text.IndexOf("endstream", body, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            if (Inflate(Encoding.Latin1.GetBytes(text, body, end - body), budget) is { } inflated)
            {
                budget -= inflated.Length;
                yield return inflated;
            }

            start = end + 3;
        }
    }

    // The keyword "stream" is followed by CR LF or LF before the data begins.
    private static bool TryBodyStart(string text, ref int body)
    {
        if (body < text.Length && text[body] == '\r')
        {
            body++;
        }

        if (body >= text.Length || text[body] != '\n')
        {
            return false;
        }

        body++;
        return true;
    }

    // Null for a stream that is not zlib data (an image, a font, another filter); at most budget characters otherwise.
    private static string? Inflate(byte[] data, int budget)
    {
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            var output = new byte[Math.Min(budget, Math.Max(data.Length * 8, 4096))];
            using var text = new MemoryStream();
            int read;
            while (text.Length < budget && (read = inflater.Read(output, 0, (int)Math.Min(output.Length, budget - text.Length))) > 0)
            {
                text.Write(output, 0, read);
            }

            return Encoding.Latin1.GetString(text.GetBuffer(), 0, (int)text.Length);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Unescape(string name) =>
        name.Contains('#', StringComparison.Ordinal) ? Escape().Replace(name, hex => ((char)Convert.ToByte(hex.Groups["hex"].Value, 16)).ToString()) : name;

    [GeneratedRegex(@"/(?<name>[A-Za-z0-9#]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex("#(?<hex>[0-9A-Fa-f]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();
}
