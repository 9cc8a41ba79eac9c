using AwesomeAssertions;

namespace RefugeeHome.Notifications.Tests;

public sealed class PluralTests
{
    private static readonly EmailTemplates Templates = EmailTemplates.FromAssembly(typeof(PluralTests).Assembly, "Tests.Templates.");

    [Theory]
    [InlineData("nl", 1, "1 volwassene", "1 dag")]
    [InlineData("nl", 2, "2 volwassenen", "2 dagen")]
    [InlineData("en", 0, "0 adults", "0 days")]
    [InlineData("uk", 1, "1 дорослий", "1 день")]
    [InlineData("uk", 3, "3 дорослі", "3 дні")]
    [InlineData("uk", 5, "5 дорослих", "5 днів")]
    [InlineData("uk", 11, "11 дорослих", "11 днів")]
    [InlineData("uk", 21, "21 дорослий", "21 день")]
    [InlineData("ru", 22, "22 взрослых", "22 дня")]
    [InlineData("ru", 14, "14 взрослых", "14 дней")]
    public void Counts_take_the_plural_form_their_number_needs_in_each_language(string language, int count, string subject, string body)
    {
        var (renderedSubject, html) = Templates.Render("household-size", language, new { adults = count, days = count });

        renderedSubject.Should().Be(subject);
        html.Should().Contain($"<p>{body}</p>");
    }
}
