using System.Collections.Concurrent;

namespace Site.LinkHealth;

/// <summary>
/// Politeness: at most a few requests at once to one host and a bounded number overall. A request waits for
/// its host first and only then for an overall slot, so requests queued behind a busy host never hold a slot
/// that another host could use. Waiters are served in arrival order, which keeps sources ahead of other links.
/// </summary>
internal sealed class HostGate(int perHost, int total) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _total = new(total, total);

    public async Task<Lease> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var hostSlots = _hosts.GetOrAdd(host, _ => new SemaphoreSlim(perHost, perHost));
        await hostSlots.WaitAsync(cancellationToken);
        try
        {
            await _total.WaitAsync(cancellationToken);
        }
        catch
        {
            hostSlots.Release();
            throw;
        }
        return new Lease(hostSlots, _total);
    }

    public void Dispose()
    {
        foreach (var slots in _hosts.Values)
        {
            slots.Dispose();
        }
        _total.Dispose();
    }

    internal sealed class Lease(SemaphoreSlim host, SemaphoreSlim total) : IDisposable
    {
        public void Dispose()
        {
            total.Release();
            host.Release();
        }
    }
}
