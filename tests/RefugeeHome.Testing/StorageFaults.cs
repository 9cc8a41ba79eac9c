using System.Net;

namespace RefugeeHome.Testing;

/// <summary>
/// A transport for the storage clients that fails some of their requests while <see cref="Active"/>, the ways storage
/// fails in Azure: refused with 503, timed out, a conditional write refused with 412 as if someone wrote first, and
/// worst, carried out while the answer is lost, so the client sends it again. Which requests fail is fixed by their
/// order, so a run can be repeated.
/// </summary>
public sealed class StorageFaults : DelegatingHandler
{
    private int _requests;
    private int _injected;

    /// <summary>Fails requests through <paramref name="inner"/>.</summary>
    public StorageFaults(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Whether requests fail now.</summary>
    public bool Active { get; set; }

    /// <summary>How many requests were failed so far.</summary>
    public int Injected => _injected;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        if (!Active)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        switch (number % 17)
        {
            case 1:
                Interlocked.Increment(ref _injected);
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("") };
            case 5:
                Interlocked.Increment(ref _injected);
                throw new TaskCanceledException("The storage request timed out.");
            case 9 when request.Headers.IfMatch.Count > 0:
                Interlocked.Increment(ref _injected);
                return new HttpResponseMessage(HttpStatusCode.PreconditionFailed) { RequestMessage = request, Content = new StringContent("") };
            case 13:
                // Done by storage, but the answer never arrives.
                using (await base.SendAsync(request, cancellationToken))
                {
                    Interlocked.Increment(ref _injected);
                    return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("") };
                }

            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }
}
