namespace RefugeeHome.Triggers.Pages;

/// <summary>One row of a bar chart: its label, and per series the length of its bar and the text beside it.</summary>
/// <param name="Label">What the row is about.</param>
/// <param name="Values">Each bar's number; null draws no bar (a suppressed count).</param>
/// <param name="Texts">Each bar's number as written.</param>
public sealed record ChartRow(string Label, IReadOnlyList<int?> Values, IReadOnlyList<string> Texts);
