namespace Site.Generation;

// TEMPORARY profiling aid (issue 16), removed before the branch is reported.
internal static class PhaseTimer
{
    private static readonly bool On = Environment.GetEnvironmentVariable("SITE_PHASES") == "1";
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private static TimeSpan _last;

    public static void Mark(string phase)
    {
        if (!On)
        {
            return;
        }
        var now = Clock.Elapsed;
        Console.Error.WriteLine($"phase {phase,-20} {(now - _last).TotalMilliseconds,8:F1} ms  (at {now.TotalMilliseconds:F1}, cpu {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0})");
        _last = now;
    }
}
