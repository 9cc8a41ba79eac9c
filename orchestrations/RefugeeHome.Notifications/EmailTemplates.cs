using System.Globalization;
using System.Reflection;
using System.Text.Json;
using HandlebarsDotNet;

namespace RefugeeHome.Notifications;

/// <summary>
/// The email templates: one embedded JSON file per message, named <c>{message}.json</c>, holding for each language a
/// subject and the body's paragraphs, so a translator sees a message in every language side by side. Paragraphs are
/// Handlebars: values are HTML-encoded in the body, and a paragraph that starts with <c>&lt;</c> is taken as written
/// markup (lists, links). A subject never holds a line break, so no value can add a mail header. Every message must
/// exist in every language, which is checked when the templates load. A message may also carry labels (the title and
/// answers of the question it asks); labels every message shares live in <c>_shared.json</c>, which has no subject.
/// </summary>
public sealed class EmailTemplates
{
    private const string Extension = ".json";
    private const string Shared = "_shared";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<(string Message, string Language), (HandlebarsTemplate<object, object> Subject, HandlebarsTemplate<object, object> Body)> _templates;
    private readonly Dictionary<(string Message, string Language), IReadOnlyDictionary<string, string>> _labels;

    private EmailTemplates(
        Dictionary<(string, string), (HandlebarsTemplate<object, object>, HandlebarsTemplate<object, object>)> templates,
        Dictionary<(string, string), IReadOnlyDictionary<string, string>> labels)
    {
        _templates = templates;
        _labels = labels;
    }

    /// <summary>Message names.</summary>
    public IReadOnlyCollection<string> Messages => _templates.Keys.Select(key => key.Message).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Loads the templates embedded in <paramref name="assembly"/> under <paramref name="resourcePrefix"/>.</summary>
    /// <exception cref="InvalidOperationException">A message lacks a language, or a language lacks its subject.</exception>
    public static EmailTemplates FromAssembly(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var bodies = Handlebars.Create();
        var subjects = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = null });
        bodies.RegisterHelper("count", Count);
        subjects.RegisterHelper("count", Count);
        var templates = new Dictionary<(string, string), (HandlebarsTemplate<object, object>, HandlebarsTemplate<object, object>)>();
        var labels = new Dictionary<(string, string), IReadOnlyDictionary<string, string>>();
        var missing = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal)))
        {
            var message = resource[resourcePrefix.Length..^Extension.Length].Trim('.');
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var texts = JsonSerializer.Deserialize<Dictionary<string, MessageText>>(stream, Json)
                ?? throw new InvalidOperationException($"Template '{resource}' is empty.");
            foreach (var language in Language.All)
            {
                if (!texts.TryGetValue(language, out var text))
                {
                    missing.Add($"{message}.{language}");
                    continue;
                }

                labels[(message, language)] = text.Labels ?? new Dictionary<string, string>();
                if (message == Shared)
                {
                    continue;
                }

                if (string.IsNullOrWhiteSpace(text.Subject))
                {
                    throw new InvalidOperationException($"Template '{resource}' has no subject in '{language}'.");
                }

                var body = "<div style=\"font-family:sans-serif;max-width:40em\">" +
                    string.Concat((text.Paragraphs ?? []).Select(paragraph => paragraph.StartsWith('<') ? paragraph : $"<p>{paragraph}</p>")) + "</div>";
                templates[(message, language)] = (subjects.Compile(text.Subject!), bodies.Compile(body));
            }
        }

        return missing.Count == 0
            ? new EmailTemplates(templates, labels)
            : throw new InvalidOperationException($"Email templates missing: {string.Join(", ", missing)}. Every message needs {string.Join(", ", Language.All)}.");
    }

    /// <summary>Renders <paramref name="message"/> in <paramref name="language"/> with <paramref name="model"/>.</summary>
    public (string Subject, string HtmlBody) Render(string message, string language, object model)
    {
        if (!_templates.TryGetValue((message, Language.Require(language)), out var template))
        {
            throw new ArgumentException($"There is no email template '{message}'.", nameof(message));
        }

        var subject = template.Subject(model);
        if (subject.Contains('\r', StringComparison.Ordinal) || subject.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The subject of '{message}' would contain a line break; a value placed in it holds CR or LF.", nameof(model));
        }

        return (subject, template.Body(model));
    }

    /// <summary>
    /// The label <paramref name="key"/> of <paramref name="message"/> in <paramref name="language"/>, or the shared one,
    /// or null when neither has it.
    /// </summary>
    public string? Label(string message, string language, string key)
    {
        var code = Language.Require(language);
        return _labels.TryGetValue((message, code), out var own) && own.TryGetValue(key, out var label) ? label
            : _labels.TryGetValue((Shared, code), out var shared) && shared.TryGetValue(key, out var common) ? common
            : null;
    }

    // {{count adults 'adult' 'adults'}}: the number with the word in its singular or plural, for languages with two forms.
    // Ukrainian and Russian texts put the number after a label instead, which needs no plural.
    // {{count n 'one' 'other'}} in Dutch and English; {{count n 'one' 'few' 'many'}} in Ukrainian and Russian, which share their rules.
    private static void Count(EncodedTextWriter output, Context context, Arguments arguments)
    {
        var number = Convert.ToInt32(arguments[0], CultureInfo.InvariantCulture);
        var words = arguments.Length == 4
            ? PluralForms.Of("uk", number) switch { "one" => arguments[1], "few" => arguments[2], _ => arguments[3] }
            : PluralForms.Of("en", number) == "one" ? arguments[1] : arguments[2];
        output.Write(string.Create(CultureInfo.InvariantCulture, $"{number} {words}"));
    }

    private sealed record MessageText(string? Subject, IReadOnlyList<string>? Paragraphs, Dictionary<string, string>? Labels);
}
