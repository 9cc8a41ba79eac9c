using System.Globalization;
using System.Resources;

namespace RefugeeHome.Registrations;

/// <summary>
/// The words of registration problems in one language, from <c>RegistrationTexts.resx</c> (English) and its Dutch,
/// Ukrainian and Russian translations. A key nobody translated is a bug, so it throws instead of showing the key.
/// </summary>
internal sealed class RegistrationTexts
{
    private static readonly ResourceManager Resources = new("RefugeeHome.Registrations.RegistrationTexts", typeof(RegistrationTexts).Assembly);

    private readonly CultureInfo culture;

    private RegistrationTexts(string language) => culture = CultureInfo.GetCultureInfo(language);

    /// <summary>The languages registrants are answered in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["nl", "en", "uk", "ru"];

    /// <summary>The texts of <paramref name="language"/>, one of <see cref="Languages"/>.</summary>
    public static RegistrationTexts In(string language) => new(language);

    /// <summary>The label of the field <paramref name="field"/>, as a message names it.</summary>
    public string Label(string field) => Text("label." + field);

    /// <summary>The message <paramref name="name"/>, with FluentValidation's placeholders left in.</summary>
    public string Message(string name) => Text("message." + name);

    private string Text(string key) =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"Registrations have no text '{key}'.");
}
