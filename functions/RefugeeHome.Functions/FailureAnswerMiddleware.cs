using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using RefugeeHome.Triggers.Failures;

namespace RefugeeHome.Functions;

/// <summary>
/// What the runner's exception handler does, for every HTTP function: a function that throws is logged (unless storage is failing, which the storage failure watch logs) and its caller
/// gets <see cref="FailureAnswer"/>'s page or JSON instead of the host's bare 500.
/// </summary>
internal sealed partial class FailureAnswerMiddleware(FailureAnswer answer, ILogger<FailureAnswerMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { Response.HasStarted: false })
        {
            // The storage failure watch logs when storage begins and ends failing; a stack trace per refused request adds nothing.
            if (!FailureAnswer.IsStorageOutage(exception))
            {
                Failed(logger, exception, context.FunctionDefinition.Name);
            }

            await answer.WriteAsync(context.GetHttpContext()!, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed; its caller was told so.")]
    private static partial void Failed(ILogger logger, Exception exception, string function);
}
