using System.Globalization;

namespace Site.Benchmarks.Harness;

/// <summary>How busy the machine is with other work. Timings on a shared 2-core machine are only
/// meaningful when nothing else runs, so the harness waits for a quiet spell before each timed run.</summary>
internal static class Machine
{
    /// <summary>The fraction of all cores' time spent busy (not idle or waiting for I/O) over <paramref name="window"/>; NaN without /proc/stat.</summary>
    public static double BusyFraction(TimeSpan window)
    {
        if (ReadCpu() is not { } before)
        {
            return double.NaN;
        }
        Thread.Sleep(window);
        if (ReadCpu() is not { } after || after.Total <= before.Total)
        {
            return double.NaN;
        }
        return 1 - ((double)(after.Idle - before.Idle) / (after.Total - before.Total));
    }

    /// <summary>Waits until the machine is at most <paramref name="threshold"/> busy (or <paramref name="maxWait"/>
    /// has passed) and returns the last busy fraction seen.</summary>
    public static double WaitUntilQuiet(double threshold, TimeSpan maxWait)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            var busy = BusyFraction(TimeSpan.FromMilliseconds(400));
            if (double.IsNaN(busy) || busy <= threshold || waited.Elapsed >= maxWait)
            {
                if (announced)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    … {(busy <= threshold ? "quiet" : "still busy, going ahead")} after {waited.Elapsed.TotalSeconds:0} s ({busy:P0} busy)"));
                }
                return busy;
            }
            if (!announced)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    other processes keep the machine {busy:P0} busy; waiting for a quiet spell (≤ {threshold:P0}, up to {maxWait.TotalSeconds:0} s)"));
                announced = true;
            }
            Thread.Sleep(1000);
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>Seconds of CPU time all processes used between two <see cref="ReadCpu"/> snapshots (USER_HZ = 100).</summary>
    public static double BusySeconds((long Idle, long Total)? before, (long Idle, long Total)? after) =>
        before is { } b && after is { } a ? ((a.Total - a.Idle) - (b.Total - b.Idle)) / 100.0 : double.NaN;

    public static (long Idle, long Total)? ReadCpu()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            if (line is null)
            {
                return null;
            }
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already in user).
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return (idle, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
