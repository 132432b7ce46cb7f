namespace Site.LinkHealth;

/// <summary>One answered request and how long it took to answer. Disposable, so that the retry strategy
/// disposes the response of an attempt it discards.</summary>
internal sealed record HttpAttempt(HttpResponseMessage Response, TimeSpan Elapsed) : IDisposable
{
    public void Dispose() => Response.Dispose();
}
