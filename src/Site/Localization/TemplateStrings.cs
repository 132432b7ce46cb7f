using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Site.Templating;

namespace Site.Localization;

/// <summary>
/// The object templates reach a language's words through, <c>t</c>:
/// <code>
/// {{ t.notes.heading }}                               a text: "Примечания"
/// {{ t.pager.page_of number: 2 count: 9 }}            a text with placeholders, given by name
/// {{ t.articles.count count: 5 }}, {{ 5 | t.articles.count }}   a plural text, chosen by count
/// {{ t.date article.date }}  {{ t.month 1 }}  {{ t.number 1234 }}   dates ("2022", "2022-01" too), month names, numbers
/// {{ t.lang }} {{ t.dir }} {{ t.language_name }}      "ru", "ltr", "Русский"
/// {{ t.locale }}                                      "ru_RU", for og:locale
/// </code>
/// Everything is HTML-escaped here, like every other value templates get; values given to placeholders are
/// inserted as they are (model values already are escaped). Functions are <see cref="IScriptCustomFunction"/>
/// objects rather than imported .NET methods, so nothing needs reflection and NativeAOT keeps working.
/// The object is read-only, so one instance serves every page of the language.
/// </summary>
internal static class TemplateStrings
{
    public static ScriptObject Create(Strings strings)
    {
        var t = new ScriptObject
        {
            ["lang"] = Html.Escape(strings.Language),
            ["dir"] = strings.Direction == TextDirection.Rtl ? "rtl" : "ltr",
            ["language_name"] = Html.Escape(strings.Name),
            ["locale"] = Html.Escape(strings.Locale),
            ["date"] = new Function(1, (span, args) => Date(strings, span, args[0])),
            ["month"] = new Function(1, (span, args) => Html.Escape(strings.Dates.MonthName(Month(span, args[0])))),
            ["number"] = new Function(1, (span, args) => strings.Numbers.Format(Number(span, args[0]))),
        };
        foreach (var (key, message) in strings.Messages)
        {
            var path = key.Split('.');
            var group = t;
            foreach (var name in path[..^1])
            {
                group = group[name] as ScriptObject ?? (ScriptObject)(group[name] = new ScriptObject());
            }
            // A text without placeholders is a plain string; the rest are functions taking named values.
            var parameters = strings.Parameters(key);
            group[path[^1]] = parameters.Count == 0
                ? Html.Escape(message.Other.Render(_ => null, text => text))
                : new MessageFunction(strings, key, message, [.. parameters.Order(StringComparer.Ordinal)]);
        }
        Freeze(t);
        return t;
    }

    private static string Date(Strings strings, SourceSpan span, object? value) =>
        value is string text && strings.Dates.FormatIso(text) is { } date
            ? Html.Escape(date)
            : throw new ScriptRuntimeException(span, $"t.date takes a date like 2024-01-31, 2024-01 or 2024, not '{value}'");

    private static int Month(SourceSpan span, object? value) => value switch
    {
        int month and >= 1 and <= 12 => month,
        long month and >= 1 and <= 12 => (int)month,
        _ => throw new ScriptRuntimeException(span, $"t.month takes a month number from 1 to 12, not '{value}'"),
    };

    private static decimal Number(SourceSpan span, object? value)
    {
        try
        {
            return Strings.Number(value ?? "", "t.number", "value");
        }
        catch (ArgumentException)
        {
            throw new ScriptRuntimeException(span, $"t.number takes a number, not '{value}'");
        }
    }

    private static void Freeze(ScriptObject group)
    {
        foreach (var child in group.Values.OfType<ScriptObject>())
        {
            Freeze(child);
        }
        group.IsReadOnly = true;
    }

    /// <summary>A message with placeholders. Values come by name (<c>number: 3</c>); a message with a single
    /// placeholder also takes it by position, so a count can be piped in. Every language takes the same
    /// <paramref name="names"/>, English's, so a template that works in one works in all.</summary>
    private sealed class MessageFunction(Strings strings, string key, Message message, List<string> names) : ScriptFunctionBase(0, variable: true)
    {
        protected override object Call(SourceSpan span, ScriptArray arguments)
        {
            var values = new object?[names.Count];
            if (arguments.Count > 0)
            {
                if (arguments.Count > 1 || names.Count != 1)
                {
                    throw new ScriptRuntimeException(span, $"t.{key} takes its values by name: {Usage(names)}");
                }
                values[0] = arguments[0];
            }
            foreach (var (name, value) in arguments.ScriptObject)
            {
                var index = names.IndexOf(name);
                if (index < 0)
                {
                    throw new ScriptRuntimeException(span, $"t.{key} has no value '{name}'; it takes {Usage(names)}");
                }
                values[index] = value;
            }
            var missing = Array.IndexOf(values, null);
            if (missing >= 0)
            {
                throw new ScriptRuntimeException(span, $"t.{key} needs a value for {names[missing]}: {Usage(names)}");
            }
            try
            {
                return strings.Format(message, key, name => names.IndexOf(name) is var index and >= 0 ? values[index] : null, html: true);
            }
            catch (ArgumentException e)
            {
                throw new ScriptRuntimeException(span, e.Message);
            }
        }

        private static string Usage(List<string> names) => string.Join(" ", names.Select(n => $"{n}: …"));
    }

    /// <summary>A function of <paramref name="count"/> values by position; Scriban checks the count.</summary>
    private sealed class Function(int count, Func<SourceSpan, ScriptArray, object> call) : ScriptFunctionBase(count, variable: false)
    {
        protected override object Call(SourceSpan span, ScriptArray arguments) => call(span, arguments);
    }

    /// <summary>
    /// What Scriban needs of a function object. With <see cref="ScriptVarParamKind.Direct"/> and no declared
    /// parameters, Scriban passes positional values as the array's items and named ones as its members.
    /// </summary>
    private abstract class ScriptFunctionBase(int count, bool variable) : IScriptCustomFunction
    {
        public int RequiredParameterCount => count;

        public int ParameterCount => count;

        public ScriptVarParamKind VarParamKind => variable ? ScriptVarParamKind.Direct : ScriptVarParamKind.None;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

        public object Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            Call(callerContext?.Span ?? context.CurrentSpan, arguments);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult<object?>(Invoke(context, callerContext, arguments, blockStatement));

        protected abstract object Call(SourceSpan span, ScriptArray arguments);
    }
}
