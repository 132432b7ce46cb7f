using System.Globalization;
using System.Reflection;
using Site;
using Site.Generation;

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
                default:
                    return Build(command.Build, stdout, stderr);
            }
        }

        private static string Version =>
            typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        private static int Build(BuildOptions options, TextWriter stdout, TextWriter stderr)
        {
            foreach (var (name, dir) in new[] { ("--content", options.ContentDir), ("--templates", options.TemplatesDir) })
            {
                if (!Directory.Exists(dir))
                {
                    stderr.WriteLine($"site: error: {name} folder '{dir}' does not exist");
                    return BadUsage;
                }
            }
            var result = SiteBuilder.Build(options);
            foreach (var diagnostic in result.Diagnostics)
            {
                stderr.WriteLine(diagnostic);
            }
            var outcome = result.Published ? $"wrote {result.PagesWritten} pages to {options.OutputDir}" : $"failed; {options.OutputDir} was left unchanged";
            stdout.WriteLine(FormattableString.Invariant(
                $"Build {outcome}: {result.Warnings} warning(s), {result.Errors} error(s) in {result.Elapsed.TotalMilliseconds:0} ms."));
            return result.Published ? Success : SiteErrors;
        }
    }
}
