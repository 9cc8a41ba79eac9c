namespace RefugeeHome.Runner;

/// <summary>What the start page links to besides the forms: the outbox only when the runner keeps the emails itself.</summary>
public sealed record StartLinks(bool Outbox);
