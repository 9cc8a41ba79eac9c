using Microsoft.DurableTask;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// Tells a registered host household, at its own address, that someone registered with its details again and where its
/// registration stands. The page that took the second registration answers as it answers anyone, so nobody learns
/// there whether an email address, phone number or address is known.
/// </summary>
internal static class RegisteredAgain
{
    public static async Task<bool> RunAsync(TaskOrchestrationContext context, RegisteredAgainInput? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await new Steps(context).NotifyAsync(new Notice("registered-again", Audience.Host, new CaseIds(HostId: input.HostId))
        {
            Facts = new Dictionary<string, string> { ["stage"] = input.Status },
        });
        return true;
    }
}
