namespace RefugeeHome.Durable;

/// <summary>Why a task, sub-orchestration or orchestration failed: the exception's type, message and stack trace.</summary>
/// <param name="ErrorType">Full name of the exception type.</param>
/// <param name="ErrorMessage">The exception's message.</param>
/// <param name="StackTrace">Where it was thrown, if known.</param>
/// <param name="InnerFailure">The failure that caused this one, if any.</param>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure)
{
    /// <summary>Captures an exception and its inner exceptions.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
