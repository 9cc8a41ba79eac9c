using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using RefugeeHome.Storage;
using RefugeeHome.Notifications;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Statistics;

/// <summary>
/// Produces, stores and mails the ministry report of each day once. A run claims a report date in the runs table
/// before it works on it, so a retry, a restart or a second instance running at the same moment sends nothing new; a
/// run also catches up the nights missed since the last report it sent.
/// </summary>
public sealed class NightlyStatisticsJob(
    HouseholdStatistics statistics,
    ReportStore reports,
    TableClient runs,
    SendGridOnce mail,
    EmailAddress sender,
    StatisticsOptions options,
    TimeProvider clock)
{
    private const string RunPartition = "run";
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);
    private readonly OnceClaims _claims = new(runs, ClaimLease, clock);

    /// <summary>Creates the runs table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => runs.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// Reports every day from the one after the last sent report (at most <see cref="StatisticsOptions.CatchUpDays"/>
    /// back) up to <paramref name="upTo"/>; the very first run reports <paramref name="upTo"/> only.
    /// </summary>
    /// <returns>The days this run sent.</returns>
    public async Task<IReadOnlyList<DateOnly>> RunAsync(DateOnly upTo, CancellationToken cancellationToken)
    {
        // Catching up reaches back to the last report sent, never before the first one, and at most CatchUpDays.
        var lastSent = await LastSentAsync(cancellationToken);
        var first = lastSent is { } last
            ? (last.AddDays(1) > upTo.AddDays(-(options.CatchUpDays - 1)) ? last.AddDays(1) : upTo.AddDays(-(options.CatchUpDays - 1)))
            : upTo;

        var sent = new List<DateOnly>();
        for (var day = first; day <= upTo; day = day.AddDays(1))
        {
            if (await ReportAsync(day, cancellationToken))
            {
                sent.Add(day);
            }
        }

        return sent;
    }

    /// <summary>The date of the newest report sent, or null before the first.</summary>
    public async Task<DateOnly?> LastSentAsync(CancellationToken cancellationToken)
    {
        DateOnly? last = null;
        await foreach (var run in runs.QueryAsync<TableEntity>(row => row.PartitionKey == RunPartition, cancellationToken: cancellationToken))
        {
            var day = DateOnly.ParseExact(run.RowKey, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (OnceClaims.IsDone(run) && (last is null || day > last))
            {
                last = day;
            }
        }

        return last;
    }

    /// <summary>Reports one day unless it was reported already or another run is reporting it now.</summary>
    /// <returns>True when this call sent the report.</returns>
    public async Task<bool> ReportAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var claim = await _claims.TryClaimAsync(RunPartition, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            new Dictionary<string, object?>(), cancellationToken);
        if (claim.State != ClaimState.Claimed)
        {
            return false;
        }

        var report = new StatisticsReport(day, clock.GetUtcNow(), options.SuppressBelow, await statistics.ReadAsync(day, cancellationToken));
        await reports.SaveAsync(report, cancellationToken);
        await SendAsync(report, cancellationToken);
        await _claims.CompleteAsync(claim, cancellationToken);
        return true;
    }

    private async Task SendAsync(StatisticsReport report, CancellationToken cancellationToken)
    {
        var recipients = options.Recipients.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(address => new EmailAddress(address)).ToList();
        if (recipients.Count == 0)
        {
            throw new InvalidOperationException("Statistics__Recipients names no recipient for the ministry report.");
        }

        var message = MailHelper.CreateSingleEmailToMultipleRecipients(
            sender, recipients, $"Cijfers particuliere opvang {report.Name}",
            $"Cijfers particuliere opvang van {report.Name}: zie de bijlage (CSV).", ReportFormats.ToDutchSummaryHtml(report));
        message.AddAttachment($"particuliere-opvang-{report.Name}.csv",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(ReportFormats.ToCsv(report))), "text/csv");
        await mail.SendAsync("ministry-report/" + report.Name, message, new Dictionary<string, object?> { ["Message"] = "ministry-report" }, cancellationToken);
    }
}
