using Site.Generation;

namespace Site;

/// <summary>A parsed command line: the command and its options, or a usage error.</summary>
internal sealed record CommandLine(string Command, BuildOptions Build, string? Error = null)
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
                case "--content" or "--templates" or "--output":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || args[i + 1].Length == 0)
                    {
                        return new CommandLine(command, options, $"option '{arg}' needs a folder, e.g. {arg} DIR");
                    }
                    var value = args[++i];
                    options = arg switch
                    {
                        "--content" => options with { ContentDir = value },
                        "--templates" => options with { TemplatesDir = value },
                        _ => options with { OutputDir = value },
                    };
                    break;
                case "-h" or "--help":
                    return new CommandLine("help", options);
                default:
                    return new CommandLine(command, options, arg.StartsWith('-') ? $"unknown option '{arg}'" : $"unexpected argument '{arg}'");
            }
        }
        return new CommandLine(command, options);
    }
}
