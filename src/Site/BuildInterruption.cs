using System.Runtime.InteropServices;

namespace Site;

/// <summary>
/// Ctrl+C or SIGTERM while a build runs: the first one stops the build before it replaces the output
/// folder, and the process exits with <see cref="Cli.Interrupted"/> or <see cref="Cli.Terminated"/>; a
/// second one ends the process at once (the next run removes what it left). <c>site serve</c> stops on
/// either with the same exit codes, as process managers stop a service with SIGTERM.
/// </summary>
internal sealed class BuildInterruption : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _signal;

    public BuildInterruption()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public CancellationToken Token => _stop.Token;

    public string SignalName => _signal == (int)PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl+C";

    public int ExitCode => _signal == (int)PosixSignal.SIGTERM ? Cli.Terminated : Cli.Interrupted;

    private void Handle(PosixSignalContext context)
    {
        // Not cancelled, a signal does what it does by default: the second one ends the process.
        context.Cancel = Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) == 0;
        if (context.Cancel)
        {
            _stop.Cancel();
        }
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }
}
