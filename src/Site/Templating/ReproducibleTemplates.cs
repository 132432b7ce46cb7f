using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using Site.Diagnostics;

namespace Site.Templating;

/// <summary>
/// The same content must build to the same bytes on every machine, every day: a template may not read the
/// clock or draw random numbers. Each use of such a builtin is reported where it is written, and the
/// builtins are taken out of the template context, so one reached another way (through a variable) fails too.
/// </summary>
internal static class ReproducibleTemplates
{
    /// <summary>Builtin module, member, and what to use instead.</summary>
    private static readonly (string Module, string Member, string Instead)[] Refused =
    [
        ("date", "now", "use the content's own dates, such as article.date or updated"),
        ("math", "random", "derive any variation from the content, such as the article's slug"),
        ("math", "uuid", "use an id made from the content, such as the article's slug"),
    ];

    public static void Check(Template template, string file, DiagnosticBag diagnostics)
    {
        var finder = new Finder();
        template.Page?.Accept(finder);
        foreach (var (node, refused) in finder.Found)
        {
            diagnostics.Report(DiagnosticCode.NonReproducibleTemplate, FilePosition.FromZeroBased(file, node.Span.Start.Line, node.Span.Start.Column),
                $"{refused.Module}.{refused.Member} would make every build different; {refused.Instead}");
        }
    }

    /// <summary>Takes the refused builtins out of the builtin module <paramref name="name"/>, before it is frozen.</summary>
    public static void Remove(string name, ScriptObject module)
    {
        foreach (var (_, member, _) in Refused.Where(r => r.Module == name))
        {
            module.Remove(member);
        }
    }

    private sealed class Finder : ScriptVisitor
    {
        public List<(ScriptMemberExpression Node, (string Module, string Member, string Instead) Refused)> Found { get; } = [];

        public override void Visit(ScriptMemberExpression node)
        {
            if (node.Target is ScriptVariableGlobal { Name: var module } && node.Member is ScriptVariable { Name: var member }
                && Refused.FirstOrDefault(r => r.Module == module && r.Member == member) is { Module: not null } refused)
            {
                Found.Add((node, refused));
            }
            base.Visit(node);
        }
    }
}
