using System.CommandLine;
using System.Globalization;
using Site;
using Site.Commands;
using Site.Diagnostics;
using Site.Generation;
using Site.LinkHealth;
using Site.Preview;

// Output must not depend on the machine: dates, numbers and sorting use the invariant culture.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

return Cli.Run(args, Console.Out, Console.Error);

namespace Site
{
    /// <summary>The command-line edge: parses arguments, runs a command, prints, and picks the exit code.</summary>
    internal static class Cli
    {
        public const int Success = 0;
        public const int SiteErrors = 1;
        public const int BadUsage = 2;

        /// <summary>Ctrl+C (SIGINT) and SIGTERM during a build: the exit code is 128 + the signal's number,
        /// as a shell reports a process the signal ended.</summary>
        public const int Interrupted = 130;

        public const int Terminated = 143;

        public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            // 'site help build' is 'site build --help'.
            IReadOnlyList<string> words = args.Count > 0 && args[0] == "help" ? [.. args.Skip(1), "--help"] : args;
            var parse = CommandTree.Create().Parse(words);
            if (UsageError.Of(parse, args) is { } error)
            {
                var command = parse.CommandResult.Command is RootCommand ? "" : $"{parse.CommandResult.Command.Name} ";
                stderr.WriteLine($"site: error: {error}");
                stderr.WriteLine($"Run 'site {command}--help' for usage.");
                return BadUsage;
            }
            // Each command handles Ctrl+C and SIGTERM itself (see BuildInterruption), and its own failures.
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }

        public static int Serve(CommandLine command, TextWriter stdout, TextWriter stderr)
        {
            if (MissingFolder(command, stderr))
            {
                return BadUsage;
            }
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler interrupt = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            EventHandler terminate = (_, _) => stop.Cancel();
            Console.CancelKeyPress += interrupt;
            AppDomain.CurrentDomain.ProcessExit += terminate;
            try
            {
                new PreviewServer(command.Serve, stderr).RunAsync(stdout, stop.Token).GetAwaiter().GetResult();
                return Success;
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"site: error: cannot listen on port {command.Port}: {e.Message}; choose another with --port (0 picks a free one)");
                return BadUsage;
            }
            finally
            {
                // The process may go on exiting after this; the handlers must not touch the disposed token.
                Console.CancelKeyPress -= interrupt;
                AppDomain.CurrentDomain.ProcessExit -= terminate;
            }
        }

        /// <summary>The content folder must exist, and the templates folder when it was named: without one, the
        /// default theme builds the site.</summary>
        private static bool MissingFolder(CommandLine command, TextWriter stderr)
        {
            if (!Directory.Exists(command.Build.ContentDir))
            {
                stderr.WriteLine($"site: error: --content folder '{command.Build.ContentDir}' does not exist; 'site init' starts a site");
                return true;
            }
            if (command.TemplatesGiven && !Directory.Exists(command.Build.TemplatesDir))
            {
                stderr.WriteLine($"site: error: --templates folder '{command.Build.TemplatesDir}' does not exist");
                return true;
            }
            return false;
        }

        /// <summary>A build into memory, so nothing is written; with --external, then every external link fetched.</summary>
        public static int Check(CommandLine command, TextWriter stdout, TextWriter stderr)
        {
            var options = command.Build;
            if (MissingFolder(command, stderr))
            {
                return BadUsage;
            }
            using var stop = new BuildInterruption();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var diagnostics = new DiagnosticBag();
            var links = 0;
            try
            {
                var progress = new BuildProgress();
                BuildResult built;
                using (ProgressLine.Show(progress, command.Quiet, stderr))
                {
                    built = SiteBuilder.Build(options with { Strict = false }, new MemoryOutput(), progress: progress);
                }
                diagnostics.AddRange(built.Diagnostics);
                if (command.External)
                {
                    var site = LoadedSite.Load(options, new DiagnosticBag(), null);
                    var findings = ExternalCheck.Run(site, command.Check, diagnostics, stop.Token, out links);
                    diagnostics.AddRange(findings);
                }
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                stderr.WriteLine($"site: check stopped by {stop.SignalName}");
                return stop.ExitCode;
            }
            var result = BuildResult.Of(diagnostics, 0, options.Strict, clock.Elapsed);
            var headline = command.External ? $"Check of {links} external link(s) {(result.Published ? "passed" : "failed")}" : $"Check {(result.Published ? "passed" : "failed")}";
            var summary = new DiagnosticReport.Summary(result.Published, 0, result.Warnings, result.Errors, result.Elapsed, "", headline);
            DiagnosticReport.Write(command.Format, command.Quiet, result.Diagnostics, summary, stdout, stderr);
            return result.Published ? Success : SiteErrors;
        }

        public static int Build(CommandLine command, TextWriter stdout, TextWriter stderr)
        {
            var options = command.Build;
            if (MissingFolder(command, stderr))
            {
                return BadUsage;
            }
            if (OutputGuard.Check(options.OutputDir, options.ContentDir, options.TemplatesDir) is { } refusal)
            {
                stderr.WriteLine($"site: error: {refusal}");
                return BadUsage;
            }
            using var stop = new BuildInterruption();
            BuildResult result;
            var progress = new BuildProgress();
            try
            {
                using var line = ProgressLine.Show(progress, command.Quiet, stderr);
                result = SiteBuilder.Build(options, stop.Token, progress);
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                stderr.WriteLine($"site: build stopped by {stop.SignalName}; '{options.OutputDir}' was left unchanged");
                return stop.ExitCode;
            }
            var summary = new DiagnosticReport.Summary(result.Published, result.PagesWritten, result.Warnings, result.Errors, result.Elapsed, options.OutputDir);
            DiagnosticReport.Write(command.Format, command.Quiet, result.Diagnostics, summary, stdout, stderr);
            return result.Published ? Success : SiteErrors;
        }
    }
}
