using System.Reflection;
using HandlebarsDotNet;

namespace RefugeeHome.Notifications;

/// <summary>
/// The email templates: one embedded file per message and language, named <c>{message}.{language}.hbs</c>, whose first
/// line is <c>Subject: …</c> and whose rest is the HTML body. Values are HTML-encoded in the body. A subject never
/// holds a line break, so no value can add a mail header. Every message must exist in every language, which is checked
/// when the templates load. Embed the files with <c>WithCulture="false"</c>: otherwise MSBuild reads <c>.nl.hbs</c> as
/// a Dutch resource and moves it into a satellite assembly.
/// </summary>
public sealed class EmailTemplates
{
    private const string Extension = ".hbs";
    private const string SubjectPrefix = "Subject:";
    private readonly Dictionary<(string Message, string Language), (HandlebarsTemplate<object, object> Subject, HandlebarsTemplate<object, object> Body)> _templates;

    private EmailTemplates(Dictionary<(string, string), (HandlebarsTemplate<object, object>, HandlebarsTemplate<object, object>)> templates) =>
        _templates = templates;

    /// <summary>Message names.</summary>
    public IReadOnlyCollection<string> Messages => _templates.Keys.Select(key => key.Message).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Loads the templates embedded in <paramref name="assembly"/> under <paramref name="resourcePrefix"/>.</summary>
    /// <exception cref="InvalidOperationException">A message lacks a language, or a file lacks its subject line.</exception>
    public static EmailTemplates FromAssembly(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var bodies = Handlebars.Create();
        var subjects = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = null });
        var templates = new Dictionary<(string, string), (HandlebarsTemplate<object, object>, HandlebarsTemplate<object, object>)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal)))
        {
            var parts = resource[resourcePrefix.Length..^Extension.Length].Trim('.').Split('.');
            if (parts.Length != 2)
            {
                throw new InvalidOperationException($"Template '{resource}' is not named {{message}}.{{language}}{Extension}.");
            }

            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var subjectLine = reader.ReadLine() ?? "";
            if (!subjectLine.StartsWith(SubjectPrefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Template '{resource}' must start with a '{SubjectPrefix}' line.");
            }

            templates[(parts[0], Language.Require(parts[1]))] = (subjects.Compile(subjectLine[SubjectPrefix.Length..].Trim()), bodies.Compile(reader.ReadToEnd()));
        }

        var missing = templates.Keys.Select(key => key.Item1).Distinct()
            .SelectMany(message => Language.All.Where(language => !templates.ContainsKey((message, language))).Select(language => $"{message}.{language}"))
            .ToList();
        return missing.Count == 0
            ? new EmailTemplates(templates)
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
}
