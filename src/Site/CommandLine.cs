using Site.Diagnostics;
using Site.Generation;

namespace Site;

/// <summary>A parsed command line: the command and its options, or a usage error.</summary>
internal sealed record CommandLine(
    string Command,
    BuildOptions Build,
    string? Error = null,
    DiagnosticFormat Format = DiagnosticFormat.Text,
    bool Quiet = false)
{
    public const string Usage = """
        Usage:
          site build [options]   Build the site into the output folder.
          site --help            Show this help.
          site --version         Show the version.

        Options for build:
          --content DIR      Articles and site.yml (default: content)
          --templates DIR    Scriban templates and assets/ (default: templates)
          --output DIR       Where the site is written (default: output)
          --drafts           Include articles with draft: true
          --strict           Treat warnings as errors
          --base-url URL     Absolute URL the site is published at (overrides base_url in site.yml)
          --diagnostics FMT  text (default), json (one JSON document on stdout) or github (workflow commands)
          --quiet            Print only problems

        Exit codes: 0 built (warnings allowed unless --strict), 1 the site has errors, 2 bad usage.
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var defaults = new BuildOptions("content", "templates", "output");
        if (args.Count == 0)
        {
            return new CommandLine("help", defaults, "no command given");
        }
        var command = args[0] switch
        {
            "-h" or "--help" or "help" => "help",
            "--version" => "version",
            var other => other,
        };
        if (command is "help" or "version")
        {
            return args.Count == 1 ? new CommandLine(command, defaults) : new CommandLine(command, defaults, $"unexpected argument '{args[1]}'");
        }
        if (command != "build")
        {
            return new CommandLine(command, defaults, $"unknown command '{command}'");
        }

        var options = defaults;
        var format = DiagnosticFormat.Text;
        var quiet = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--drafts":
                    options = options with { Drafts = true };
                    break;
                case "--strict":
                    options = options with { Strict = true };
                    break;
                case "--quiet" or "-q":
                    quiet = true;
                    break;
                case "--content" or "--templates" or "--output" or "--base-url" or "--diagnostics":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || args[i + 1].Length == 0)
                    {
                        return new CommandLine(command, options, $"option '{arg}' needs a value, e.g. {arg} {(arg == "--base-url" ? "https://example.org/" : arg == "--diagnostics" ? "json" : "DIR")}");
                    }
                    var value = args[++i];
                    switch (arg)
                    {
                        case "--content":
                            options = options with { ContentDir = value };
                            break;
                        case "--templates":
                            options = options with { TemplatesDir = value };
                            break;
                        case "--output":
                            options = options with { OutputDir = value };
                            break;
                        case "--base-url":
                            if (Content.SiteConfig.ParseBaseUrl(value) is not { } baseUrl)
                            {
                                return new CommandLine(command, options, $"--base-url must be an absolute http or https URL, not '{value}'");
                            }
                            options = options with { BaseUrl = baseUrl };
                            break;
                        default:
                            if (!Enum.TryParse<DiagnosticFormat>(value, ignoreCase: true, out format) || !Enum.IsDefined(format))
                            {
                                return new CommandLine(command, options, $"--diagnostics must be text, json or github, not '{value}'");
                            }
                            break;
                    }
                    break;
                case "-h" or "--help":
                    return new CommandLine("help", options);
                default:
                    return new CommandLine(command, options, arg.StartsWith('-') ? $"unknown option '{arg}'" : $"unexpected argument '{arg}'");
            }
        }
        return new CommandLine(command, options, Format: format, Quiet: quiet);
    }
}
