using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace RefugeeHome.Statistics;

/// <summary>The reports in a private blob container, one CSV and one JSON file per report date.</summary>
public sealed class ReportStore(BlobContainerClient container)
{
    /// <summary>Creates the container, private, if needed.</summary>
    public Task CreateContainerAsync(CancellationToken cancellationToken) =>
        container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);

    /// <summary>Writes both files of <paramref name="report"/>, replacing an earlier unsent attempt.</summary>
    public async Task SaveAsync(StatisticsReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await UploadAsync(report.Name + ".csv", ReportFormats.ToCsv(report), "text/csv; charset=utf-8", cancellationToken);
        await UploadAsync(report.Name + ".json", ReportFormats.ToJson(report), "application/json; charset=utf-8", cancellationToken);
    }

    /// <summary>The JSON report of <paramref name="date"/>, or null when there is none.</summary>
    public async Task<string?> ReadJsonAsync(DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json")
                .DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private async Task UploadAsync(string name, string content, string contentType, CancellationToken cancellationToken) =>
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
}
