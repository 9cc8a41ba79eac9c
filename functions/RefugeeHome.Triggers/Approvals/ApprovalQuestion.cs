using RefugeeHome.Approvals;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Approvals;

/// <summary>An open link's question: its details, its fields and a button per choice, with what was sent before a mistake.</summary>
public sealed record ApprovalQuestion(string Token, ApprovalLink Link, FormState Form, string? ChosenBefore)
{
    /// <summary>The prefix of the form names of a link's fields, which keeps them apart from the form's own.</summary>
    public const string FieldPrefix = "field.";

    /// <summary>For a question to staff: the household or placement it is about, by name and case number.</summary>
    public string? Subject { get; init; }
}
