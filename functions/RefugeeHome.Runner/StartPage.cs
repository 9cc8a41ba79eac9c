using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Runner;

/// <summary>The runner's start page: the forms in each language, each link marked with its language for screen readers, the outbox and the health report.</summary>
internal static class StartPage
{
    public static IResult Render(HttpContext context) => HtmlPage.Render(context, "en", "RefugeeHome",
        "<ul><li><a href=\"/register/host?lang=nl\" lang=\"nl\" hreflang=\"nl\">Aanmelden als gastgezin</a> · <a href=\"/register/host?lang=en\" hreflang=\"en\">Register as a host</a> · " +
        "<a href=\"/register/host?lang=uk\" lang=\"uk\" hreflang=\"uk\">Реєстрація приймаючої родини</a> · <a href=\"/register/host?lang=ru\" lang=\"ru\" hreflang=\"ru\">Регистрация принимающей семьи</a></li>" +
        "<li><a href=\"/register/guest?lang=nl\" lang=\"nl\" hreflang=\"nl\">Gasthuishouden aanmelden (gemeente)</a></li>" +
        "<li><a href=\"/dev/outbox\">Outbox</a> · <a href=\"/health\">Health</a></li></ul>", StatusCodes.Status200OK);
}
