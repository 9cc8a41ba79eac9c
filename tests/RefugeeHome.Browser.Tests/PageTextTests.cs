using System.Collections;
using System.Globalization;
using System.Resources;
using AwesomeAssertions;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Browser.Tests;

public sealed class PageTextTests
{
    private static readonly ResourceManager Resources = new("RefugeeHome.Triggers.Pages.PageTexts", typeof(PageText).Assembly);

    [Theory]
    [InlineData("nl")]
    [InlineData("uk")]
    [InlineData("ru")]
    public void Every_text_of_the_pages_is_translated_and_nothing_else(string language)
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var translated = Keys(CultureInfo.GetCultureInfo(language));

        translated.Keys.Should().BeEquivalentTo(english.Keys);
        translated.Where(text => text.Value.Length == 0).Select(text => text.Key).Should().BeEquivalentTo(
            english.Where(text => text.Value.Length == 0).Select(text => text.Key), "only a choice that says nothing is empty");
    }

    private static Dictionary<string, string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
}
