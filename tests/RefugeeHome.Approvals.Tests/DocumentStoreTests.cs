using System.Text;
using AwesomeAssertions;
using Azure.Storage.Blobs;
using RefugeeHome.Storage;
using RefugeeHome.Testing;

namespace RefugeeHome.Approvals.Tests;

public sealed class DocumentStoreTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static TheoryData<string, DocumentProblem> Refused => new()
    {
        { "empty", DocumentProblem.Empty },
        { "jpeg named .pdf", DocumentProblem.NotPdf },
        { "pdf header without its trailer", DocumentProblem.NotPdf },
        { "one byte over 5 MB", DocumentProblem.TooLarge },
        { "a script opened with the document", DocumentProblem.ActiveContent },
        { "a script behind an escaped name", DocumentProblem.ActiveContent },
        { "a program launched", DocumentProblem.ActiveContent },
        { "an HTML page behind a PDF header", DocumentProblem.ActiveContent },
        { "a script inside a compressed object stream", DocumentProblem.ActiveContent },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Only_PDFs_up_to_5_MB_are_kept_and_a_refused_upload_stores_nothing(string upload, DocumentProblem problem)
    {
        var (store, container) = await StoreAsync();
        byte[] content = upload switch
        {
            "empty" => [],
            "jpeg named .pdf" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'],
            "pdf header without its trailer" => Encoding.ASCII.GetBytes("%PDF-1.7\n<script>alert(1)</script>"),
            "a script opened with the document" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
            "a script behind an escaped name" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /S /J#61vaScript /J#53 (x) >> endobj\ntrailer << >>\n%%EOF\n"),
            "a program launched" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj\ntrailer << >>\n%%EOF\n"),
            "an HTML page behind a PDF header" => Encoding.ASCII.GetBytes("%PDF-1.7\n<HTML><body onload=alert(1)></body></HTML>\n%%EOF\n"),
            "a script inside a compressed object stream" => WithObjectStream("2 0 << /S /JavaScript /JS (app.alert(1)) >>"),
            _ => [.. Pdf.Take(Pdf.Length - 6), .. new byte[DocumentStore.MaxBytes - Pdf.Length + 1], .. Pdf.TakeLast(6)],
        };

        var stored = await store.SaveAsync("host-1/link-1.pdf", new MemoryStream(content), None);

        stored.Should().Be(new StoredDocument(null, problem));
        (await container.GetBlobsAsync(cancellationToken: None).ToListAsync(None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_PDF_whose_compressed_streams_hold_only_text_and_fonts_is_kept()
    {
        var (store, _) = await StoreAsync();

        var stored = await store.SaveAsync("host-1/link-1.pdf", new MemoryStream(WithObjectStream("2 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")), None);

        stored.Problem.Should().BeNull();
    }

    [Fact]
    public async Task A_PDF_is_kept_privately_under_the_servers_name_and_deleted_with_its_household()
    {
        var (store, container) = await StoreAsync();

        var stored = await store.SaveAsync(DocumentNames.ForUpload("host-1", "link-1"), new MemoryStream(Pdf), None);
        await store.SaveAsync(DocumentNames.ForUpload("host-2", "link-2"), new MemoryStream(Pdf), None);
        await using var read = await store.OpenAsync(stored.Name!, None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, None);
        var access = (await container.GetAccessPolicyAsync(cancellationToken: None)).Value.BlobPublicAccess;
        var deleted = await store.DeleteFolderAsync("host-1", None);

        stored.Name.Should().Be("host-1/link-1.pdf");
        copy.ToArray().Should().Equal(Pdf);
        access.Should().Be(Azure.Storage.Blobs.Models.PublicAccessType.None);
        deleted.Should().Be(1);
        (await store.OpenAsync(stored.Name!, None)).Should().BeNull();
        (await store.OpenAsync("host-2/link-2.pdf", None)).Should().NotBeNull();
    }

    // A PDF whose objects are packed in a zlib-compressed object stream, as most PDF writers save them today.
    private static byte[] WithObjectStream(string objects)
    {
        using var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.ASCII.GetBytes(objects));
        }

        return [
            .. Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {packed.Length} >>\nstream\n"),
            .. packed.ToArray(),
            .. Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer << >>\n%%EOF\n"),
        ];
    }

    private async Task<(DocumentStore Store, BlobContainerClient Container)> StoreAsync()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("documents"));
        var store = new DocumentStore(container);
        await store.CreateContainerAsync(None);
        return (store, container);
    }
}
