namespace RefugeeHome.Triggers.Pages;

/// <summary>A page that tells something and asks nothing: an outcome, a refusal, a link no longer valid.</summary>
public sealed record Message(string Title, IReadOnlyList<string> Paragraphs);
