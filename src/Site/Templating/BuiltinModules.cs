using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Site.Templating;

/// <summary>
/// Scriban's built-in functions (<c>array</c>, <c>date</c>, <c>string</c>…), shared read-only by every render,
/// each module made on a template's first use of it. Scriban makes every module by reflection, which costs
/// more than building a one-article site; the default theme uses none of them.
/// </summary>
internal sealed class BuiltinModules : ScriptObject
{
    private readonly Dictionary<string, Lazy<ScriptObject>> _modules;

    public BuiltinModules()
    {
        // The same members as Scriban's TemplateContext.GetDefaultBuiltinObject().
        SetValue("empty", EmptyScriptObject.Default, true);
        SetValue("blank", EmptyScriptObject.Default, true);
        SetValue("include", new IncludeFunction(), true);
        _modules = new Dictionary<string, Lazy<ScriptObject>>
        {
            ["array"] = Module("array", () => new ArrayFunctions()),
            [DateTimeFunctions.DateVariable.Name] = Module(DateTimeFunctions.DateVariable.Name, () => new DateTimeFunctions()),
            ["html"] = Module("html", () => new HtmlFunctions()),
            ["math"] = Module("math", () => new MathFunctions()),
            ["object"] = Module("object", () => new ObjectFunctions()),
            ["regex"] = Module("regex", () => new RegexFunctions()),
            ["string"] = Module("string", () => new StringFunctions()),
            ["timespan"] = Module("timespan", () => new TimeSpanFunctions()),
        };
        IsReadOnly = true;
    }

    /// <summary>Thread-safe: pages render in parallel, and the first to use a module makes it for all.</summary>
    private static Lazy<ScriptObject> Module(string name, Func<ScriptObject> make) =>
        new(() =>
        {
            var module = make();
            ReproducibleTemplates.Remove(name, module);
            module.IsReadOnly = true;
            return module;
        });

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (_modules.TryGetValue(member, out var module))
        {
            value = module.Value;
            return true;
        }
        return base.TryGetValue(context, span, member, out value);
    }

    public override bool Contains(string member) => _modules.ContainsKey(member) || base.Contains(member);

    public override bool CanWrite(string member) => !_modules.ContainsKey(member) && base.CanWrite(member);
}
