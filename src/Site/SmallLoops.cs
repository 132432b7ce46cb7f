namespace Site;

/// <summary>
/// How parallel a loop over a build's items runs. A small site's handful of articles is less work than the
/// thread pool's start: its workers are created for a few items, then spin (sched_yield, hundreds to thousands
/// of calls a build) waiting for more, taking the cores from the one thread that has work left.
/// </summary>
internal static class SmallLoops
{
    /// <summary>Below this many items a loop runs on the calling thread. The sample site's five articles are
    /// a few million instructions in all; a thousand-article site still runs on every core.</summary>
    private const int ParallelFrom = 8;

    /// <summary>Options for a <see cref="Parallel"/> loop over <paramref name="count"/> items: a small loop keeps
    /// its exception wrapping and order of effects but runs on the calling thread, starting no pool workers. A
    /// larger one runs one worker per core: uncapped, the pool grew to 15 threads on 2 cores over a
    /// 10,000-article build, each with a page in flight and its own render buffers.</summary>
    public static ParallelOptions For(int count) =>
        new() { MaxDegreeOfParallelism = count < ParallelFrom ? 1 : Environment.ProcessorCount };

}
