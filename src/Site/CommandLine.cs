using System.Globalization;
using System.Net;
using Site.Content;
using Site.Diagnostics;
using Site.Generation;
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
    IPAddress? Host = null)
{
    public const string Usage = """
        Usage:
          site build [options]   Build the site into the output folder.
          site serve [options]   Build the site and preview it, rebuilding and reloading on every save.
          site --help            Show this help.
          site --version         Show the version.

        Options for build and serve:
          --content DIR      Articles and site.yml (default: content)
          --templates DIR    Scriban templates and assets/ (default: templates)
          --drafts           Include articles with draft: true

        Options for build:
          --output DIR       Where the site is written (default: output)
          --base-url URL     Absolute URL the site is published at (overrides base_url in site.yml)
          --strict           Treat warnings as errors
          --diagnostics FMT  text (default), json (one JSON document on stdout) or github (workflow commands)
          --quiet            Print only problems

        Options for serve:
          --port N           Port to listen on (default: 8080; 0 picks a free one)
          --host ADDR        Address to listen on (default: loopback, 127.0.0.1 and ::1). Anything else
                             exposes the preview to the network and prints a warning.

        Exit codes: 0 built (warnings allowed unless --strict), 1 the site has errors, 2 bad usage.
        """;

    private static readonly string[] BuildOnly = ["--output", "--base-url", "--strict", "--diagnostics", "--quiet", "-q"];
    private static readonly string[] ServeOnly = ["--port", "--host"];

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
        if (command is not ("build" or "serve"))
        {
            return line with { Error = $"unknown command '{command}'" };
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
        if ((command == "serve" && BuildOnly.Contains(arg)) || (command == "build" && ServeOnly.Contains(arg)))
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
            case "--quiet" or "-q":
                return line with { Quiet = true };
            case "--content" or "--templates" or "--output" or "--base-url" or "--diagnostics" or "--port" or "--host":
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
        _ => "DIR",
    };

    public ServeOptions Serve => new(Build, Port, Host);
}
