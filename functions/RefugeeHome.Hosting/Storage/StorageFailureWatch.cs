using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace RefugeeHome.Hosting.Storage;

/// <summary>What <see cref="StorageFailureWatch"/> has seen: the failing period under way, if any, and the last one that ended.</summary>
/// <param name="FailingSince">When the period under way began; null while storage answers.</param>
/// <param name="FailedRequests">How many requests failed in the period under way.</param>
/// <param name="LastFailureAt">When a request last failed.</param>
/// <param name="LastPeriod">The last period that ended.</param>
public sealed record StorageFailures(DateTimeOffset? FailingSince, int FailedRequests, DateTimeOffset? LastFailureAt, FailingPeriod? LastPeriod);

/// <summary>A stretch of time in which storage requests failed.</summary>
/// <param name="From">The first failure.</param>
/// <param name="To">The last failure.</param>
/// <param name="FailedRequests">How many requests failed.</param>
public sealed record FailingPeriod(DateTimeOffset From, DateTimeOffset To, int FailedRequests);

/// <summary>
/// Watches every attempt of the app's storage requests, so that a stretch of failures (refusals, server errors,
/// timeouts) shows in the log when it begins and when it ends, and in the health report while it lasts. The clients'
/// own retries hide single failures from the code that called them; this is where they are seen.
/// </summary>
public sealed partial class StorageFailureWatch(TimeProvider clock, ILogger<StorageFailureWatch> logger) : HttpPipelinePolicy
{
    /// <summary>How long storage must answer without a failure before a failing period counts as over.</summary>
    public static readonly TimeSpan QuietAfter = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private DateTimeOffset? _failingSince;
    private DateTimeOffset? _lastFailureAt;
    private int _failedRequests;
    private FailingPeriod? _lastPeriod;

    /// <summary>What the watch has seen so far.</summary>
    public StorageFailures Now
    {
        get
        {
            lock (_lock)
            {
                return new StorageFailures(_failingSince, _failedRequests, _lastFailureAt, _lastPeriod);
            }
        }
    }

    /// <summary>Adds the watch to the options of a storage client, on every attempt.</summary>
    public TOptions Watching<TOptions>(TOptions options)
        where TOptions : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception exception) when (!message.CancellationToken.IsCancellationRequested)
        {
            Failed(exception.GetType().Name);
            throw;
        }

        Answered(message.Response.Status);
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception exception) when (!message.CancellationToken.IsCancellationRequested)
        {
            Failed(exception.GetType().Name);
            throw;
        }

        Answered(message.Response.Status);
    }

    // A 404, 409 or 412 is an answer the code expects; only the service failing to answer counts.
    private void Answered(int status)
    {
        if (status is >= 500 or 408 or 429)
        {
            Failed(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        FailingPeriod ended;
        lock (_lock)
        {
            if (_failingSince is not { } since || clock.GetUtcNow() - _lastFailureAt < QuietAfter)
            {
                return;
            }

            ended = _lastPeriod = new FailingPeriod(since, _lastFailureAt!.Value, _failedRequests);
            _failingSince = null;
            _failedRequests = 0;
        }

        Recovered(logger, ended.From, ended.To, ended.FailedRequests);
    }

    private void Failed(string how)
    {
        var now = clock.GetUtcNow();
        bool began;
        lock (_lock)
        {
            began = _failingSince is null;
            _failingSince ??= now;
            _lastFailureAt = now;
            _failedRequests++;
        }

        if (began)
        {
            FailingBegan(logger, how);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage requests are failing ({How}); the clients retry them.")]
    private static partial void FailingBegan(ILogger logger, string how);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage answers again: {FailedRequests} requests failed from {From:O} to {To:O}.")]
    private static partial void Recovered(ILogger logger, DateTimeOffset from, DateTimeOffset to, int failedRequests);
}
