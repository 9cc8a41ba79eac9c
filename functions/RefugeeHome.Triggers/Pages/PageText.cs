using System.Globalization;
using System.Resources;
using RefugeeHome.Notifications;

namespace RefugeeHome.Triggers.Pages;

/// <summary>
/// The pages' words in one language, from the resource files <c>PageTexts.resx</c> (English) and its Dutch, Ukrainian
/// and Russian translations. A key nobody translated is a bug, so it throws instead of showing the key.
/// </summary>
public sealed class PageText
{
    private static readonly ResourceManager Resources = new("RefugeeHome.Triggers.Pages.PageTexts", typeof(PageText).Assembly);

    // The dates people read are the country's, whatever the server's clock says.
    private static readonly TimeZoneInfo Netherlands = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly CultureInfo culture;

    private PageText(string language)
    {
        Language = language;
        // Dates and numbers as people write them in the Netherlands, Ukraine and Russia; English as in Britain, day first.
        culture = CultureInfo.GetCultureInfo(language switch { "en" => "en-GB", "nl" => "nl-NL", "uk" => "uk-UA", _ => "ru-RU" });
    }

    /// <summary>The languages every page is offered in, the first being the fallback of the others.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["nl", "en", "uk", "ru"];

    /// <summary>The language's code, as in <c>lang</c> attributes.</summary>
    public string Language { get; }

    /// <summary>The text of <paramref name="key"/>.</summary>
    public string this[string key] =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"The pages have no text '{key}'.");

    /// <summary>The texts of <paramref name="language"/>, English when it is not one of <see cref="Languages"/>.</summary>
    public static PageText For(string? language) =>
        new(language is not null && Languages.Contains(language, StringComparer.OrdinalIgnoreCase) ? language.ToLowerInvariant() : "en");

    /// <summary>The text of <paramref name="key"/> with <paramref name="values"/> put in its placeholders.</summary>
    public string Format(string key, params object?[] values) => string.Format(culture, this[key], values);

    /// <summary>
    /// <paramref name="count"/> with the words <paramref name="key"/> has for it in this language's plural form
    /// (<c>key.one</c>, <c>key.few</c>, <c>key.many</c> or <c>key.other</c>, with the number at <c>{0}</c>).
    /// </summary>
    public string Count(string key, int count) =>
        string.Format(culture, Resources.GetString($"{key}.{PluralForms.Of(Language, count)}", culture) ?? this[key + ".other"], Number(count));

    /// <summary>A day as people of this language write it.</summary>
    public string Day(DateOnly day) => day.ToString("d MMMM yyyy", culture);

    /// <summary>A moment as people of this language write a date and time, in Dutch time.</summary>
    public string Moment(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Netherlands).ToString("g", culture);

    /// <summary>A number as people of this language write it.</summary>
    public string Number(int value) => value.ToString("N0", culture);

    /// <summary>The label of <paramref name="code"/> under <paramref name="prefix"/> when <paramref name="known"/> has it, else the code itself.</summary>
    public string Label(string prefix, string? code, IReadOnlyList<string> known) =>
        code is not null && known.Contains(code, StringComparer.Ordinal) ? this[prefix + "." + code] : code ?? "";

    /// <summary>A language's own name, for the language switch.</summary>
    public static string NativeName(string language) => language switch
    {
        "nl" => "Nederlands",
        "uk" => "Українська",
        "ru" => "Русский",
        _ => "English",
    };
}
