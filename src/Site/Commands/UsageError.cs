using System.CommandLine;
using System.CommandLine.Parsing;
using Site.Diagnostics;

namespace Site.Commands;

/// <summary>A command line that cannot run, in one line, as Site words it: the first problem, with the
/// closest command or option when the word looks like a typo of one.</summary>
internal static class UsageError
{
    /// <returns>The message, or null when the command line can run.</returns>
    public static string? Of(ParseResult parse, IReadOnlyList<string> args)
    {
        var command = parse.CommandResult.Command;
        if (args.Count == 0)
        {
            return "no command given";
        }
        if (parse.Errors.Count == 0 || parse.Action is { ClearsParseErrors: true })
        {
            return null;
        }
        if (parse.UnmatchedTokens.Count > 0)
        {
            return Unmatched(parse.UnmatchedTokens[0], command);
        }
        if (command is RootCommand)
        {
            return "no command given";
        }
        var error = parse.Errors[0];
        if (error.SymbolResult is OptionResult { Tokens.Count: 0 } option && !option.Implicit)
        {
            var name = option.Option.Name;
            return $"option '{name}' needs a value, e.g. {name} {SiteOptions.Example(option.Option)}";
        }
        return error.SymbolResult is ArgumentResult { Argument.Name: var argument } && error.Message.StartsWith("Required argument missing", StringComparison.Ordinal)
            ? $"'{command.Name}' needs {argument}, e.g. site {command.Name} {(argument == "TITLE" ? "\"My first article\"" : argument)}"
            : error.Message;
    }

    private static string Unmatched(string token, Command command)
    {
        if (!token.StartsWith('-'))
        {
            return command is RootCommand
                ? $"unknown command '{token}'{DidYouMean.Hint(token, command.Subcommands.Select(c => c.Name))}"
                : $"unexpected argument '{token}'";
        }
        var name = token.Split('=', ':')[0];
        var elsewhere = AllCommands(command.Parents.OfType<RootCommand>().FirstOrDefault() ?? command)
            .FirstOrDefault(c => c.Options.Any(o => o.Name == name || o.Aliases.Contains(name)));
        if (elsewhere is not null)
        {
            return $"option '{name}' does not apply to '{command.Name}'";
        }
        var known = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
            .SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
        return $"unknown option '{name}'{DidYouMean.Hint(name, known)}";
    }

    private static IEnumerable<Command> AllCommands(Command command) => command.Subcommands.SelectMany(AllCommands).Prepend(command);
}
