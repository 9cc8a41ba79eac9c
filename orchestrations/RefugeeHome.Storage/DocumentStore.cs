using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace RefugeeHome.Storage;

/// <summary>Why an upload was refused.</summary>
public enum DocumentProblem
{
    /// <summary>Nothing was uploaded.</summary>
    Empty,

    /// <summary>Larger than <see cref="DocumentStore.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The content is not a PDF, whatever its name says.</summary>
    NotPdf,

    /// <summary>A PDF that carries something that runs: JavaScript, a launch action, embedded files, an HTML body.</summary>
    ActiveContent,
}

/// <summary>What storing an upload did: the stored name, or why it was refused.</summary>
/// <param name="Name">The server-generated blob name, when stored.</param>
/// <param name="Problem">Why it was refused, when refused.</param>
public sealed record StoredDocument(string? Name, DocumentProblem? Problem);

/// <summary>How uploaded documents are named: by the folder of their household and the link they were uploaded with.</summary>
public static class DocumentNames
{
    /// <summary>The name of the document uploaded under <paramref name="folder"/> with link <paramref name="linkId"/>.</summary>
    public static string ForUpload(string folder, string linkId) => $"{folder}/{linkId}.pdf";
}

/// <summary>
/// Documents people upload (a VOG) in a private container. Only PDFs are kept, recognised by their content (the
/// <c>%PDF-</c> header and the <c>%%EOF</c> trailer), never by the file name or content type a browser sends, and only
/// PDFs in which nothing runs (see <see cref="PdfContent"/>). The stored
/// name is chosen by the server (<see cref="DocumentNames"/>); the uploaded file name is discarded because it often holds the person's name.
/// </summary>
public sealed class DocumentStore(BlobContainerClient container)
{
    /// <summary>The largest upload accepted.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] Trailer = "%%EOF"u8.ToArray();
    private const int TrailerWindow = 1024;

    /// <summary>Creates the private container if needed.</summary>
    public Task CreateContainerAsync(CancellationToken cancellationToken) =>
        container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);

    /// <summary>Checks an upload and stores it as <paramref name="name"/>.</summary>
    public async Task<StoredDocument> SaveAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return new StoredDocument(null, DocumentProblem.TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length == 0)
        {
            return new StoredDocument(null, DocumentProblem.Empty);
        }

        if (!IsPdf(bytes))
        {
            return new StoredDocument(null, DocumentProblem.NotPdf);
        }

        if (PdfContent.IsActive(bytes))
        {
            return new StoredDocument(null, DocumentProblem.ActiveContent);
        }

        buffer.Position = 0;
        await container.GetBlobClient(name).UploadAsync(buffer,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" } }, cancellationToken);
        return new StoredDocument(name, null);
    }

    /// <summary>Opens a stored document, or returns null when it is gone.</summary>
    public async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(name);
        return await blob.ExistsAsync(cancellationToken) ? await blob.OpenReadAsync(cancellationToken: cancellationToken) : null;
    }

    /// <summary>Deletes every document under <paramref name="folder"/>; returns how many.</summary>
    public async Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder + "/" }, cancellationToken))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            deleted++;
        }

        return deleted;
    }

    private static bool IsPdf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Header) && bytes[Math.Max(0, bytes.Length - TrailerWindow)..].IndexOf(Trailer) >= 0;
}
