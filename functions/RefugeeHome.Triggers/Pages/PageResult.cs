using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Pages;

/// <summary>A page rendered when its answer is sent, for a decision made where nothing can wait for the rendering.</summary>
/// <param name="render">Renders the page.</param>
public sealed class PageResult(Func<Task<IResult>> render) : IResult
{
    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext) => await (await render()).ExecuteAsync(httpContext);
}
