using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RefugeeHome.Triggers;

namespace RefugeeHome.Functions;

/// <summary>The timers of <see cref="TimerJobs"/>: each ticks every few minutes and its job does what is due once.</summary>
public sealed class TimerFunctions(IServiceProvider services)
{
    [Function(TimerJobs.Statistics)]
    public Task Statistics([TimerTrigger(TimerJobs.FunctionsTick)] TimerInfo timer, [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        RunAsync(TimerJobs.Statistics, workflows, cancellationToken);

    [Function(TimerJobs.MatchingRounds)]
    public Task MatchingRounds([TimerTrigger(TimerJobs.FunctionsTick)] TimerInfo timer, [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        RunAsync(TimerJobs.MatchingRounds, workflows, cancellationToken);

    [Function(TimerJobs.UnheardAnswers)]
    public Task UnheardAnswers([TimerTrigger(TimerJobs.FunctionsTick)] TimerInfo timer, [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        RunAsync(TimerJobs.UnheardAnswers, workflows, cancellationToken);

    private Task RunAsync(string job, DurableTaskClient workflows, CancellationToken cancellationToken) =>
        TimerJobs.All.Single(candidate => candidate.Name == job).RunAsync(services, workflows, cancellationToken);
}
