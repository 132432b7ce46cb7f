using System.Diagnostics;

namespace Site.Generation;

/// <summary>
/// Where a build's time goes, for whoever tunes it: with <c>SITE_PHASES=1</c> set, <c>site build</c> prints
/// each phase's wall and CPU milliseconds (all threads) to stderr as it ends, with the managed memory it allocated,
/// the managed heap's size at its end and the process's peak resident memory so far (where a build's memory goes: issue 16). Unset, as it is everywhere but on
/// a developer's machine, it costs one environment lookup per run and prints nothing.
/// </summary>
internal static class BuildPhases
{
    private static readonly bool On = Environment.GetEnvironmentVariable("SITE_PHASES") == "1";
    // Where the last phase ended. Static, unlike the build's state: a developer's probe, called from the build's
    // own thread only, that no code reads back.
    private static TimeSpan _lastWall;
    private static TimeSpan _lastCpu;
    private static long _lastAllocated;
    private const long Megabyte = 1024 * 1024;

    /// <summary>Ends the phase named <paramref name="phase"/>, which began when the last one ended.</summary>
    public static void End(string phase)
    {
        if (!On)
        {
            return;
        }
        // From the start of the process: the first phase includes starting up.
        using var process = Process.GetCurrentProcess();
        var (wall, cpu, allocated) = (DateTime.Now - process.StartTime, process.TotalProcessorTime, GC.GetTotalAllocatedBytes());
        Console.Error.WriteLine($"site: phase {phase,-24} wall {(wall - _lastWall).TotalMilliseconds,7:0.0} ms  cpu {(cpu - _lastCpu).TotalMilliseconds,7:0.0} ms"
            + $"  allocated {(allocated - _lastAllocated) / Megabyte,5} MB  heap {GC.GetTotalMemory(false) / Megabyte,4} MB  peak rss {process.PeakWorkingSet64 / Megabyte,4} MB");
        (_lastWall, _lastCpu, _lastAllocated) = (wall, cpu, allocated);
    }
}
