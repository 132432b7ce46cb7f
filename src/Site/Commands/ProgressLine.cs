using System.Diagnostics;
using Site.Generation;

namespace Site.Commands;

/// <summary>
/// A build's progress on one line of an interactive terminal, rewritten in place a few times a second and
/// erased when the build ends, so only the report stays. Never with --quiet, in CI, on a dumb terminal or
/// when stderr is redirected: logs and pipes get the report alone.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private const string Erase = "\r\u001b[2K";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _terminal;
    private readonly Stopwatch _sinceDrawn = new();
    private readonly Lock _drawing = new();
    private bool _ended;

    private ProgressLine(TextWriter terminal) => _terminal = terminal;

    /// <summary>A line listening to <paramref name="progress"/>, or null when progress is not to be shown.</summary>
    public static ProgressLine? Show(BuildProgress progress, bool quiet, TextWriter stderr)
    {
        if (quiet || Console.IsErrorRedirected || Environment.GetEnvironmentVariable("CI") is { Length: > 0 } and not ("false" or "0")
            || Environment.GetEnvironmentVariable("TERM") == "dumb")
        {
            return null;
        }
        var line = new ProgressLine(stderr);
        progress.Changed += line.Update;
        return line;
    }

    public void Dispose()
    {
        lock (_drawing)
        {
            _ended = true;
            if (_sinceDrawn.IsRunning)
            {
                _terminal.Write(Erase);
                _terminal.Flush();
            }
        }
    }

    /// <summary>Draws the first state at once, then at most once per interval; a render that finds another
    /// drawing does not wait for it.</summary>
    private void Update(BuildProgress progress)
    {
        if ((_sinceDrawn.IsRunning && _sinceDrawn.Elapsed < Interval) || !_drawing.TryEnter())
        {
            return;
        }
        try
        {
            if (!_ended)
            {
                _terminal.Write($"{Erase}site: building: {progress.Done} of {progress.Total} article(s)");
                _terminal.Flush();
                _sinceDrawn.Restart();
            }
        }
        finally
        {
            _drawing.Exit();
        }
    }
}
