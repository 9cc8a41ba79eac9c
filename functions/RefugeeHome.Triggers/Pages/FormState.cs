using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Pages;

/// <summary>A problem with one field of a form, by the field's name in the form.</summary>
public sealed record FormProblem(string Field, string Message);

/// <summary>
/// What a form shows again after a mistake: the values typed in and the problems, each by its field, so every
/// message can sit at its field, the summary can link to it and the first field with a problem takes the focus.
/// </summary>
public sealed class FormState(PageText text, AntiforgeryField antiforgery, IFormCollection? previous, IReadOnlyList<FormProblem> problems)
{
    /// <summary>The page's words.</summary>
    public PageText Text { get; } = text;

    /// <summary>The form's anti-forgery field.</summary>
    public AntiforgeryField Antiforgery { get; } = antiforgery;

    /// <summary>The problems, in the order the summary lists them.</summary>
    public IReadOnlyList<FormProblem> Problems { get; } = problems;

    /// <summary>Whether the form is shown for the first time.</summary>
    public bool IsFresh => previous is null;

    /// <summary>The value sent for <paramref name="name"/>, or empty.</summary>
    public string ValueOf(string name) => previous?[name].ToString() ?? "";

    /// <summary>Whether <paramref name="value"/> was among the values sent for <paramref name="name"/>.</summary>
    public bool WasChosen(string name, string value) => previous?[name].Contains(value) == true;

    /// <summary>Whether the checkbox <paramref name="name"/> is ticked: as sent, or <paramref name="initially"/> on a fresh form.</summary>
    public bool IsTicked(string name, bool initially = false) =>
        previous is null ? initially : previous[name].Any(value => value is "true" or "on");

    /// <summary>The problem of <paramref name="name"/>, if any.</summary>
    public string? ProblemOf(string name) => Problems.FirstOrDefault(problem => problem.Field == name)?.Message;

    /// <summary>Whether <paramref name="name"/> is the first field with a problem, which takes the focus.</summary>
    public bool TakesFocus(string name) => Problems.Count > 0 && Problems[0].Field == name;

    /// <summary>The form's name of the field a validator calls <paramref name="property"/> (<c>Members[0].Age</c> is <c>members[0].age</c>), as in the JSON API.</summary>
    public static string FieldNameOf(string property) =>
        string.Join('.', (property ?? "").Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    /// <summary>The element id of the field <paramref name="name"/>.</summary>
    public static string IdOf(string name) =>
        string.Concat(name.Select(character => char.IsAsciiLetterOrDigit(character) ? character : '-'));

    /// <summary>The element id of the message of the field <paramref name="name"/>.</summary>
    public static string ProblemIdOf(string name) => IdOf(name) + "-problem";
}

/// <summary>The hidden field that proves a form was sent from this site.</summary>
public sealed record AntiforgeryField(string Name, string Token);
