using System.Text;
using System.Text.RegularExpressions;

namespace RefugeeHome.Storage;

/// <summary>
/// Whether a PDF carries something that runs when it is opened, or is a page of HTML behind a PDF header. A VOG is a
/// plain document; a file with scripts, launch actions, forms that post or embedded files has no business in it. The
/// names are read from the file as written, with their <c>#xx</c> escapes undone; names inside compressed object
/// streams are not seen, which is why the screener's page also serves every document only as a download in a sandbox.
/// </summary>
public static partial class PdfContent
{
    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "SubmitForm", "ImportData", "XFA",
    };

    private static readonly string[] HtmlMarkers = ["<script", "<html", "<iframe", "<body", "javascript:"];

    /// <summary>Whether <paramref name="pdf"/> holds an active name or an HTML body.</summary>
    public static bool IsActive(ReadOnlySpan<byte> pdf)
    {
        // Latin-1 maps every byte to one character, so offsets and ASCII names stay as they are in the file.
        var text = Encoding.Latin1.GetString(pdf);
        return HtmlMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            || Name().Matches(text).Any(name => ActiveNames.Contains(Unescape(name.Groups["name"].Value)));
    }

    private static string Unescape(string name) =>
        name.Contains('#', StringComparison.Ordinal) ? Escape().Replace(name, hex => ((char)Convert.ToByte(hex.Groups["hex"].Value, 16)).ToString()) : name;

    [GeneratedRegex(@"/(?<name>[A-Za-z0-9#]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex("#(?<hex>[0-9A-Fa-f]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();
}
