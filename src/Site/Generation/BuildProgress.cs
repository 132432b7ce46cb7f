namespace Site.Generation;

/// <summary>How far a build has got, articles rendered of those found, for a progress display; the build
/// calls it from its parallel renders, so whoever listens must be quick and thread-safe.</summary>
internal sealed class BuildProgress
{
    private int _done;

    /// <summary>Raised when the articles are counted and after each one is rendered.</summary>
    public event Action<BuildProgress>? Changed;

    public int Total { get; private set; }

    public int Done => Volatile.Read(ref _done);

    public void Start(int total)
    {
        Total = total;
        Changed?.Invoke(this);
    }

    public void Advance()
    {
        Interlocked.Increment(ref _done);
        Changed?.Invoke(this);
    }
}
