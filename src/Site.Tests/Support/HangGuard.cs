namespace Site.Tests.Support;

/// <summary>
/// Runs in-process work that could hang (a runaway template, a pathological document) and fails the test
/// if it has not returned within a generous time: a guard against a hang, never a speed requirement, which
/// belongs to src/Site.Benchmarks.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    public static async Task<T> RunAsync<T>(Func<T> work, string what)
    {
        var running = Task.Run(work);
        try
        {
            return await running.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} hung: no result after {Limit.TotalSeconds} s");
        }
    }
}
