using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace RefugeeHome.Statistics;

/// <summary>The report as CSV (for spreadsheets), JSON (for systems) and a Dutch summary table (for the email).</summary>
public static class ReportFormats
{
    // A data file, not HTML: "<5" and "+01:00" stay as they read.
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Dutch column headers, in metric order.</summary>
    public static readonly IReadOnlyDictionary<string, string> DutchHeaders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Metrics.HostsRegistered] = "Gastgezinnen aangemeld",
        [Metrics.HostsScreened] = "Gastgezinnen gescreend",
        [Metrics.HostsAvailable] = "Gastgezinnen beschikbaar",
        [Metrics.HostsMatched] = "Gastgezinnen gekoppeld, gasten nog niet verhuisd",
        [Metrics.HostsHosting] = "Gastgezinnen met gasten",
        [Metrics.GuestsWaiting] = "Gasthuishoudens wachtend op match",
        [Metrics.GuestsMatched] = "Gasthuishoudens gekoppeld, nog niet verhuisd",
        [Metrics.GuestsPlaced] = "Gasthuishoudens geplaatst",
        [Metrics.PlacementsStarted] = "Plaatsingen gestart",
        [Metrics.PlacementsEnded] = "Plaatsingen beëindigd",
    };

    /// <summary>One row per municipality and a last row "Nederland" with the totals.</summary>
    public static string ToCsv(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField("datum");
            csv.WriteField("gemeente");
            foreach (var metric in Metrics.All)
            {
                csv.WriteField(metric);
            }

            csv.NextRecord();
            foreach (var (name, counts) in Rows(report))
            {
                csv.WriteField(report.Name);
                csv.WriteField(name);
                foreach (var metric in Metrics.All)
                {
                    csv.WriteField(report.Publish(counts.GetValueOrDefault(metric)));
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>The report as JSON; a suppressed count is the string "&lt;N", every other count a number.</summary>
    public static string ToJson(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new JsonArray();
        foreach (var (name, counts) in Rows(report))
        {
            var row = new JsonObject { ["municipality"] = name };
            foreach (var metric in Metrics.All)
            {
                var published = report.Publish(counts.GetValueOrDefault(metric));
                row[metric] = int.TryParse(published, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : published;
            }

            rows.Add(row);
        }

        var document = new JsonObject
        {
            ["date"] = report.Name,
            ["generatedAt"] = report.GeneratedAt.ToString("O", CultureInfo.InvariantCulture),
            ["suppressBelow"] = report.SuppressBelow,
            ["municipalities"] = rows,
        };
        return document.ToJsonString(JsonOptions);
    }

    /// <summary>A short Dutch HTML summary: the national totals.</summary>
    public static string ToDutchSummaryHtml(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Cijfers particuliere opvang van {report.Name}, per gemeente in de bijlage (CSV). Alleen aantallen.</p>");
        html.Append("<table><tr><th>Landelijk</th><th>Aantal</th></tr>");
        foreach (var metric in Metrics.All)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{DutchHeaders[metric]}</td><td>{report.Publish(report.Totals[metric])}</td></tr>");
        }

        html.Append("</table>");
        if (report.SuppressBelow > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Aantallen van 1 tot {report.SuppressBelow} staan er als &lt;{report.SuppressBelow}.</p>");
        }

        return html.ToString();
    }

    private static IEnumerable<(string Name, IReadOnlyDictionary<string, int> Counts)> Rows(StatisticsReport report) =>
        report.Municipalities.Select(row => (row.Municipality, row.Counts)).Append(("Nederland", report.Totals));
}
