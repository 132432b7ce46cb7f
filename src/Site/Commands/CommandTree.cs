using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using Site.Generation;
using Site.LinkHealth;

namespace Site.Commands;

/// <summary>The commands, their options and what each runs, on System.CommandLine: help per command,
/// <c>--option=value</c>, short aliases. Parse errors never reach an action; <see cref="UsageError"/> words them.</summary>
internal static class CommandTree
{
    public const string ExitCodes = "Exit codes: 0 built or checked (warnings allowed unless --strict), 1 the site has errors, 2 bad usage, 130 Ctrl+C, 143 SIGTERM.";

    public static RootCommand Create()
    {
        var root = new RootCommand("Site builds annotated news articles (Markdown with notes, sources and fact-checks) into a static site.")
        {
            Build(), Serve(), Check(), Init(), New(), Theme(),
        };
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction standard)
            {
                help.Action = new HelpWithExitCodes(standard);
            }
            else if (option is VersionOption version)
            {
                version.Action = new ShowVersion();
            }
        }
        return root;
    }

    private static Command Build()
    {
        var command = new Command("build", "Build the site into the output folder; a failed build leaves it as it was.")
        {
            SiteOptions.Content, SiteOptions.Templates, SiteOptions.Output, SiteOptions.Drafts, SiteOptions.Future,
            SiteOptions.Strict, SiteOptions.BaseUrl, SiteOptions.Diagnostics, SiteOptions.Quiet, SiteOptions.NoCache,
        };
        command.SetAction(parse => Cli.Build(Read(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command Serve()
    {
        var command = new Command("serve", "Build the site and preview it, rebuilding and reloading on every save.")
        {
            SiteOptions.Content, SiteOptions.Templates, SiteOptions.Drafts, SiteOptions.Port, SiteOptions.Host,
        };
        command.SetAction(parse => Cli.Serve(Read(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command Check()
    {
        var command = new Command("check", "Check everything build checks, writing nothing; with --external, fetch every external link too.")
        {
            SiteOptions.Content, SiteOptions.Templates, SiteOptions.Drafts, SiteOptions.Future, SiteOptions.Strict, SiteOptions.BaseUrl,
            SiteOptions.Diagnostics, SiteOptions.Quiet, SiteOptions.External, SiteOptions.AllowPrivate,
            SiteOptions.LinkCache, SiteOptions.MaxAge, SiteOptions.Timeout, SiteOptions.Slow,
        };
        command.SetAction(parse => Cli.Check(Read(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command Init()
    {
        var folder = new Argument<string>("DIR") { Description = "The folder to start the site in; created if missing, refused unless empty", DefaultValueFactory = _ => "." };
        var command = new Command("init", "Start a site: content/site.yml and one example article, which build at once with the default theme.") { folder };
        command.SetAction(parse => SiteInit.Run(parse.GetValue(folder)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command New()
    {
        var title = new Argument<string>("TITLE") { Description = "The article's title; its slug names the file" };
        var command = new Command("new", "Write a new article with front matter (today's date, a slug from the title); never overwrites.")
        {
            title, SiteOptions.Content,
        };
        command.SetAction(parse =>
        {
            var content = parse.GetValue(SiteOptions.Content) ?? EnterSite("content");
            return NewArticle.Run(parse.GetValue(title)!, content, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private static Command Theme()
    {
        var eject = new Command("eject", "Copy the default theme into templates/ to change all of it; never overwrites.") { SiteOptions.Templates };
        eject.SetAction(parse =>
        {
            var templates = parse.GetValue(SiteOptions.Templates) ?? EnterSite("templates");
            return ThemeEject.Run(templates, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return new Command("theme", "The default theme inside site.") { eject };
    }

    /// <summary>The folders and options of build, serve and check, with the site found from the working directory.</summary>
    private static CommandLine Read(ParseResult parse)
    {
        var given = (Content: parse.GetValue(SiteOptions.Content), Templates: parse.GetValue(SiteOptions.Templates), Output: parse.GetValue(SiteOptions.Output));
        if (given.Content is null)
        {
            // Paths the user gave are relative to where they are, not to the site's root: made relative to the
            // root, so a path typed at the root reads in messages as it was typed.
            var (templates, output) = (Full(given.Templates), Full(given.Output));
            EnterSite("content");
            given = (null, FromRoot(given.Templates, templates), FromRoot(given.Output, output));
        }
        var build = new BuildOptions(given.Content ?? "content", given.Templates ?? "templates", given.Output ?? "output")
        {
            Drafts = parse.GetValue(SiteOptions.Drafts),
            Future = parse.GetValue(SiteOptions.Future),
            NoCache = parse.GetValue(SiteOptions.NoCache),
            // Only a publish build keeps a cache; check writes nothing and serve keeps its own in memory.
            CacheDir = parse.CommandResult.Command.Name == "build" ? BuildOptions.DefaultCacheDir : null,
            Strict = parse.GetValue(SiteOptions.Strict),
            BaseUrl = parse.GetValue(SiteOptions.BaseUrl),
        };
        var check = new ExternalCheckOptions(
            parse.GetValue(SiteOptions.AllowPrivate),
            parse.GetValue(SiteOptions.LinkCache) ?? ExternalCheckOptions.DefaultCachePath,
            parse.GetValue(SiteOptions.MaxAge),
            parse.GetValue(SiteOptions.Timeout),
            parse.GetValue(SiteOptions.Slow));
        return new CommandLine(build, given.Templates is not null, parse.GetValue(SiteOptions.Diagnostics), parse.GetValue(SiteOptions.Quiet),
            parse.GetValue(SiteOptions.Port), parse.GetValue(SiteOptions.Host), parse.GetValue(SiteOptions.External), check);

        static string? Full(string? path) => path is null ? null : Path.GetFullPath(path);
        static string? FromRoot(string? typed, string? full) =>
            typed is null || Path.IsPathRooted(typed) ? typed : Path.GetRelativePath(Environment.CurrentDirectory, full!);
    }

    /// <summary>Moves to the root of the site the working directory is in, if there is one, so the site's
    /// folders are found from any of its sub-folders and diagnostics name them as from the root.</summary>
    /// <returns><paramref name="folder"/>, the default folder, now relative to the root.</returns>
    private static string EnterSite(string folder)
    {
        if (SiteRoot.Find(Environment.CurrentDirectory) is { } root)
        {
            Environment.CurrentDirectory = root;
        }
        return folder;
    }

    /// <summary>Help as System.CommandLine writes it, then the exit codes.</summary>
    private sealed class HelpWithExitCodes(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            standard.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes);
            return Cli.Success;
        }
    }

    private sealed class ShowVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"site {Version}");
            return Cli.Success;
        }
    }

    public static string Version =>
        typeof(CommandTree).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
