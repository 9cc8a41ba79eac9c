using Microsoft.DurableTask;

namespace RefugeeHome.Workflows;

/// <summary>
/// An activity that is a method of a service from the host's container, so the runner and the Functions app call the
/// same method with the same service: the runner through this, the Functions app from its <c>[ActivityTrigger]</c>.
/// </summary>
internal sealed class ServiceActivity<TService, TInput, TOutput>(TService service, Func<TService, TInput, CancellationToken, Task<TOutput>> run)
    : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(service, input, CancellationToken.None);
}
