using System.Collections;
using System.Globalization;
using System.Resources;
using AwesomeAssertions;
using RefugeeHome.Notifications;
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

        translated.Keys.Where(key => !IsSlavicPluralForm(key)).Should().BeEquivalentTo(english.Keys);
        translated.Where(text => text.Value.Length == 0).Select(text => text.Key).Should().BeEquivalentTo(
            english.Where(text => text.Value.Length == 0).Select(text => text.Key), "only a choice that says nothing is empty");
    }

    [Theory]
    [InlineData("uk")]
    [InlineData("ru")]
    public void Every_counted_text_has_each_plural_form_of_Ukrainian_and_Russian(string language)
    {
        var translated = Keys(CultureInfo.GetCultureInfo(language));
        var counted = translated.Keys.Where(key => key.EndsWith(".one", StringComparison.Ordinal)).Select(key => key[..^".one".Length]).ToList();

        counted.Should().NotBeEmpty();
        foreach (var key in counted)
        {
            translated.Keys.Should().Contain([key + ".few", key + ".many", key + ".other"], $"'{key}' is counted");
        }
    }

    [Theory]
    [InlineData("uk", 1, "one")]
    [InlineData("uk", 21, "one")]
    [InlineData("uk", 11, "many")]
    [InlineData("ru", 3, "few")]
    [InlineData("ru", 24, "few")]
    [InlineData("ru", 13, "many")]
    [InlineData("ru", 0, "many")]
    [InlineData("ru", 111, "many")]
    [InlineData("nl", 1, "one")]
    [InlineData("nl", 0, "other")]
    [InlineData("en", 21, "other")]
    public void Plural_forms_follow_each_languages_rules(string language, int count, string form) =>
        PluralForms.Of(language, count).Should().Be(form);

    [Fact]
    public void A_count_is_written_in_the_form_its_number_takes() =>
        new[] { 1, 2, 5, 22, 11 }.Select(count => PageText.For("uk").Count("hostsAvailable", count))
            .Should().Equal("1 доступна", "2 доступні", "5 доступних", "22 доступні", "11 доступних");

    private static bool IsSlavicPluralForm(string key) => key.EndsWith(".few", StringComparison.Ordinal) || key.EndsWith(".many", StringComparison.Ordinal);

    private static Dictionary<string, string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
}
