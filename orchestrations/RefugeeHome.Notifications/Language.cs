namespace RefugeeHome.Notifications;

/// <summary>The languages every page and email exists in.</summary>
public static class Language
{
    /// <summary>Dutch, English, Ukrainian and Russian, by their ISO 639-1 codes.</summary>
    public static readonly IReadOnlyList<string> All = ["nl", "en", "uk", "ru"];

    /// <summary>The code of <paramref name="language"/> in lower case, or an error naming the ones offered.</summary>
    public static string Require(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var code = language.Trim().ToLowerInvariant();
        return All.Contains(code)
            ? code
            : throw new ArgumentException($"Language '{language}' is not offered; choose one of {string.Join(", ", All)}.", nameof(language));
    }
}
