using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RefugeeHome.Functions;

/// <summary>The handlers answer with ASP.NET Core's <see cref="IResult"/>; an HTTP function answers with an action result.</summary>
internal sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);

    public static async Task<IActionResult> Of(Task<IResult> result) => new ResultAction(await result);
}
