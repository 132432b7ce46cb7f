using System.Globalization;
using System.Reflection;
using Site;
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
            var command = CommandLine.Parse(args);
            if (command.Error is { } error)
            {
                stderr.WriteLine($"site: error: {error}");
                stderr.WriteLine("Run 'site --help' for usage.");
                return BadUsage;
            }
            switch (command.Command)
            {
                case "help":
                    stdout.WriteLine(CommandLine.Usage);
                    return Success;
                case "version":
                    stdout.WriteLine($"site {Version}");
                    return Success;
                case "serve":
                    return Serve(command, stdout, stderr);
                case "check":
                    return Check(command, stdout, stderr);
                default:
                    return Build(command, stdout, stderr);
            }
        }

        private static string Version =>
            typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        private static int Serve(CommandLine command, TextWriter stdout, TextWriter stderr)
        {
            if (MissingFolder(command.Build, stderr))
            {
                return BadUsage;
            }
            using var stop = new BuildInterruption();
            try
            {
                new PreviewServer(command.Serve, stderr).RunAsync(stdout, stop.Token).GetAwaiter().GetResult();
                return stop.Token.IsCancellationRequested ? stop.ExitCode : Success;
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                // Stopped before the server had started listening.
                return stop.ExitCode;
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"site: error: cannot listen on port {command.Port}: {e.Message}; choose another with --port (0 picks a free one)");
                return BadUsage;
            }
        }

        private static bool MissingFolder(BuildOptions options, TextWriter stderr)
        {
            foreach (var (name, dir) in new[] { ("--content", options.ContentDir), ("--templates", options.TemplatesDir) })
            {
                if (!Directory.Exists(dir))
                {
                    stderr.WriteLine($"site: error: {name} folder '{dir}' does not exist");
                    return true;
                }
            }
            return false;
        }

        /// <summary>The options with SITE_NOW's instant, or null (reported) when it is set but unreadable.</summary>
        private static BuildOptions? WithClock(BuildOptions options, TextWriter stderr)
        {
            var now = Content.Publishing.ClockFromEnvironment(out var error);
            if (error is not null)
            {
                stderr.WriteLine($"site: error: {error}");
                return null;
            }
            return options with { Now = now };
        }

        /// <summary>A build into memory, so nothing is written; with --external, then every external link fetched.</summary>
        private static int Check(CommandLine command, TextWriter stdout, TextWriter stderr)
        {
            if (MissingFolder(command.Build, stderr) || WithClock(command.Build, stderr) is not { } options)
            {
                return BadUsage;
            }
            using var stop = new BuildInterruption();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var diagnostics = new DiagnosticBag();
            var links = 0;
            try
            {
                var built = SiteBuilder.Build(options with { Strict = false }, new MemoryOutput());
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
            var headline = command.External ? $"Check of {DiagnosticReport.Counted(links, "external link")} {(result.Published ? "passed" : "failed")}" : $"Check {(result.Published ? "passed" : "failed")}";
            var summary = new DiagnosticReport.Summary(result.Published, 0, result.Warnings, result.Errors, result.Elapsed, "", headline);
            DiagnosticReport.Write(command.Format, command.Quiet, result.Diagnostics, summary, stdout, stderr);
            return result.Published ? Success : SiteErrors;
        }

        private static int Build(CommandLine command, TextWriter stdout, TextWriter stderr)
        {
            if (MissingFolder(command.Build, stderr) || WithClock(command.Build, stderr) is not { } options)
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
            try
            {
                result = SiteBuilder.Build(options, stop.Token);
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                stderr.WriteLine($"site: build stopped by {stop.SignalName}; '{options.OutputDir}' was left unchanged");
                return stop.ExitCode;
            }
            var summary = new DiagnosticReport.Summary(result.Published, result.PagesWritten, result.Warnings, result.Errors, result.Elapsed, options.OutputDir)
            {
                OtherFiles = result.OtherFilesWritten,
                DraftsHeldBack = result.DraftsHeldBack,
                FutureHeldBack = result.FutureHeldBack,
            };
            DiagnosticReport.Write(command.Format, command.Quiet, result.Diagnostics, summary, stdout, stderr);
            return result.Published ? Success : SiteErrors;
        }
    }
}
