using System.Collections.Concurrent;
using System.Text.Json;

namespace RefugeeHome.Runner.LocalMail;

/// <summary>
/// Emails the local runner's SendGrid sink received, newest last, so a person can read them at <c>/dev/outbox</c>.
/// Kept in memory and bounded: the runner is for development and demos, and its mail must not pile up.
/// </summary>
internal sealed class LocalOutbox
{
    private const int Capacity = 1000;
    private readonly ConcurrentQueue<CapturedEmail> _emails = new();
    private int _nextId;

    public IReadOnlyList<CapturedEmail> All => _emails.ToList();

    public CapturedEmail Add(JsonElement request, DateTimeOffset receivedAt)
    {
        var email = CapturedEmail.From(Interlocked.Increment(ref _nextId), request, receivedAt);
        _emails.Enqueue(email);
        while (_emails.Count > Capacity && _emails.TryDequeue(out _))
        {
        }

        return email;
    }

    public CapturedEmail? Find(int id) => _emails.FirstOrDefault(email => email.Id == id);
}

/// <summary>One email as SendGrid's v3 mail/send API received it.</summary>
internal sealed record CapturedEmail(int Id, DateTimeOffset ReceivedAt, string Subject, IReadOnlyList<string> To, string? Html, string? Text, IReadOnlyList<string> Attachments)
{
    public static CapturedEmail From(int id, JsonElement request, DateTimeOffset receivedAt)
    {
        var to = request.GetProperty("personalizations").EnumerateArray()
            .SelectMany(personalization => personalization.GetProperty("to").EnumerateArray())
            .Select(address => address.GetProperty("email").GetString() ?? "").ToList();
        var contents = request.TryGetProperty("content", out var content) ? content.EnumerateArray().ToList() : [];
        string? Part(string type) => contents.FirstOrDefault(part => part.GetProperty("type").GetString() == type) is { ValueKind: JsonValueKind.Object } found
            ? found.GetProperty("value").GetString()
            : null;
        var attachments = request.TryGetProperty("attachments", out var files)
            ? files.EnumerateArray().Select(file => file.GetProperty("filename").GetString() ?? "").ToList()
            : [];
        return new CapturedEmail(id, receivedAt, request.GetProperty("subject").GetString() ?? "", to, Part("text/html"), Part("text/plain"), attachments);
    }
}
