using System.Globalization;
using System.Net;
using Site.Content;
using Site.Diagnostics;
using Site.Generation;
using Site.LinkHealth;
using Site.Preview;

namespace Site;

/// <summary>A parsed command line: the command and its options, or a usage error.</summary>
internal sealed record CommandLine(
    string Command,
    BuildOptions Build,
    string? Error = null,
    DiagnosticFormat Format = DiagnosticFormat.Text,
    bool Quiet = false,
    int Port = 8080,
    IPAddress? Host = null,
    bool External = false,
    ExternalCheckOptions? ExternalOptions = null)
{
    public const string Usage = """
        Usage:
          site build [options]   Build the site into the output folder.
          site serve [options]   Build the site and preview it, rebuilding and reloading on every save.
          site check [options]   Build the site without writing it, and with --external check its external links.
          site --help            Show this help.
          site --version         Show the version.

        Options for build and serve:
          --content DIR      Articles and site.yml (default: content)
          --templates DIR    Scriban templates and assets/ (default: templates)
          --drafts           Include articles with draft: true

        Options for build (and check, but --output):
          --output DIR       Where the site is written (default: output)
          --no-cache         Render every page, ignoring the build cache in .site-cache/build (build only)
          --base-url URL     Absolute URL the site is published at (overrides base_url in site.yml)
          --strict           Treat warnings as errors
          --diagnostics FMT  text (default), json (one JSON document on stdout) or github (workflow commands)
          --quiet            Print only problems

        Options for check:
          --external         Fetch every external link, sources first, and report dead, moved and slow ones
          --allow-private    Also fetch links to this machine and private networks (never fetched otherwise)
          --link-cache FILE  Results of earlier runs (default: .site-cache/links.json)
          --max-age AGE      Reuse results younger than this, like 30m, 12h or 7d (default: 24h)
          --timeout SECONDS  How long to wait for each answer (default: 30)
          --slow SECONDS     Report links that answer slower than this (default: 10)

        Options for serve:
          --port N           Port to listen on (default: 8080; 0 picks a free one)
          --host ADDR        Address to listen on (default: loopback, 127.0.0.1 and ::1). Anything else
                             exposes the preview to the network and prints a warning.

        Exit codes: 0 built or checked (warnings allowed unless --strict), 1 the site has errors, 2 bad usage.
        """;

    private static readonly string[] BuildOnly = ["--output", "--no-cache"];
    private static readonly string[] ServeOnly = ["--port", "--host"];
    private static readonly string[] Reporting = ["--base-url", "--strict", "--diagnostics", "--quiet", "-q"];
    private static readonly string[] CheckOnly = ["--external", "--allow-private", "--link-cache", "--max-age", "--timeout", "--slow"];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new CommandLine("help", new BuildOptions("content", "templates", "output"));
        if (args.Count == 0)
        {
            return line with { Error = "no command given" };
        }
        var command = args[0] switch
        {
            "-h" or "--help" or "help" => "help",
            "--version" => "version",
            var other => other,
        };
        line = line with { Command = command };
        if (command is "help" or "version")
        {
            return args.Count == 1 ? line : line with { Error = $"unexpected argument '{args[1]}'" };
        }
        if (command is not ("build" or "serve" or "check"))
        {
            return line with { Error = $"unknown command '{command}'" };
        }

        if (command == "build")
        {
            line = line with { Build = line.Build with { CacheDir = BuildOptions.DefaultCacheDir } };
        }

        // Every option in turn, until an error or a request for help.
        for (var i = 1; i < args.Count && line.Error is null && line.Command != "help"; i++)
        {
            line = WithOption(line, args, ref i);
        }
        return line;
    }

    /// <summary>Applies the option at <paramref name="i"/>, moving past its value if it takes one.</summary>
    private static CommandLine WithOption(CommandLine line, IReadOnlyList<string> args, ref int i)
    {
        var (arg, command) = (args[i], line.Command);
        var applies = command switch
        {
            "build" => !ServeOnly.Contains(arg) && !CheckOnly.Contains(arg),
            "check" => !ServeOnly.Contains(arg) && !BuildOnly.Contains(arg),
            _ => !BuildOnly.Contains(arg) && !Reporting.Contains(arg) && !CheckOnly.Contains(arg),
        };
        if (!applies)
        {
            return line with { Error = $"option '{arg}' does not apply to '{command}'" };
        }
        switch (arg)
        {
            case "-h" or "--help":
                return line with { Command = "help" };
            case "--drafts":
                return line with { Build = line.Build with { Drafts = true } };
            case "--strict":
                return line with { Build = line.Build with { Strict = true } };
            case "--no-cache":
                return line with { Build = line.Build with { NoCache = true } };
            case "--quiet" or "-q":
                return line with { Quiet = true };
            case "--external":
                return line with { External = true };
            case "--allow-private":
                return line with { ExternalOptions = line.Check with { AllowPrivate = true } };
            case "--content" or "--templates" or "--output" or "--base-url" or "--diagnostics" or "--port" or "--host"
                or "--link-cache" or "--max-age" or "--timeout" or "--slow":
                break;
            default:
                return line with { Error = arg.StartsWith('-') ? $"unknown option '{arg}'" : $"unexpected argument '{arg}'" };
        }
        if (i + 1 >= args.Count || args[i + 1].Length == 0 || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            return line with { Error = $"option '{arg}' needs a value, e.g. {arg} {Example(arg)}" };
        }
        return WithValue(line, arg, args[++i]);
    }

    private static CommandLine WithValue(CommandLine line, string option, string value)
    {
        switch (option)
        {
            case "--content":
                return line with { Build = line.Build with { ContentDir = value } };
            case "--templates":
                return line with { Build = line.Build with { TemplatesDir = value } };
            case "--output":
                return line with { Build = line.Build with { OutputDir = value } };
            case "--base-url":
                return SiteConfig.ParseBaseUrl(value) is { } baseUrl
                    ? line with { Build = line.Build with { BaseUrl = baseUrl } }
                    : line with { Error = $"--base-url must be an absolute http or https URL, not '{value}'" };
            case "--diagnostics":
                return Enum.TryParse<DiagnosticFormat>(value, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(value, out _)
                    ? line with { Format = format }
                    : line with { Error = $"--diagnostics must be text, json or github, not '{value}'" };
            case "--link-cache":
                return line with { ExternalOptions = line.Check with { CachePath = value } };
            case "--max-age":
                return Age(value) is { } age
                    ? line with { ExternalOptions = line.Check with { MaxAge = age } }
                    : line with { Error = $"--max-age must be a number followed by s, m, h or d, like 12h, not '{value}'" };
            case "--timeout" or "--slow":
                return Seconds(value) is not { } seconds
                    ? line with { Error = $"{option} must be a number of seconds greater than 0, like 10 or 0.5, not '{value}'" }
                    : option == "--timeout"
                        ? line with { ExternalOptions = line.Check with { RequestTimeout = seconds } }
                        : line with { ExternalOptions = line.Check with { SlowThreshold = seconds } };
            case "--port":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                    ? line with { Port = port }
                    : line with { Error = $"--port must be a number from 0 to 65535, not '{value}'" };
            default:
                var host = value == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(value.Trim('[', ']'), out var address) ? address : null;
                return host is not null
                    ? line with { Host = host }
                    : line with { Error = $"--host must be an IP address like 127.0.0.1, ::1 or 0.0.0.0, not '{value}'" };
        }
    }

    private static string Example(string option) => option switch
    {
        "--base-url" => "https://example.org/",
        "--diagnostics" => "json",
        "--port" => "8080",
        "--host" => "127.0.0.1",
        "--link-cache" => ".site-cache/links.json",
        "--max-age" => "24h",
        "--timeout" or "--slow" => "10",
        _ => "DIR",
    };


    /// <summary>"90s", "30m", "12h", "7d": a positive whole number and a unit.</summary>
    private static TimeSpan? Age(string value)
    {
        if (value.Length < 2 || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000)
        {
            return null;
        }
        return value[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }

    private static TimeSpan? Seconds(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 3600
            ? TimeSpan.FromSeconds(s)
            : null;

    public ServeOptions Serve => new(Build, Port, Host);

    /// <summary>What <c>site check --external</c> was asked to do: the defaults until an option sets one.</summary>
    public ExternalCheckOptions Check => ExternalOptions ?? new ExternalCheckOptions();
}
