using Microsoft.AspNetCore.Components;

namespace RefugeeHome.Triggers.Pages;

/// <summary>A whole page: what it is about, the words of its language and the path it was asked at (for the language switch).</summary>
public abstract class PageComponent<TModel> : ComponentBase
{
    /// <summary>What the page shows.</summary>
    [Parameter, EditorRequired]
    public required TModel Model { get; set; }

    /// <summary>The page's words.</summary>
    [Parameter, EditorRequired]
    public required PageText Text { get; set; }

    /// <summary>The path the page was asked at.</summary>
    [Parameter, EditorRequired]
    public required string Path { get; set; }
}
