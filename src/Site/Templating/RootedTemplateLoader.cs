using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Site.Templating;

/// <summary>Resolves <c>include</c> names inside templates/ only; anything else is a positioned error.</summary>
internal sealed class RootedTemplateLoader(string root) : ITemplateLoader
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

    /// <summary>The names resolved so far: a listing page includes its item partial once per article, and
    /// normalising the same name again each time was a thirtieth of what the include costs.</summary>
    private readonly ConcurrentDictionary<string, string> _paths = new(StringComparer.Ordinal);

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (string.IsNullOrWhiteSpace(templateName) || Path.IsPathRooted(templateName) || templateName.Contains('\\'))
        {
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' must be a relative path inside templates/, like 'partials/header.html'");
        }
        if (_paths.TryGetValue(templateName, out var known))
        {
            return known;
        }
        var full = Path.GetFullPath(Path.Combine(_root, templateName));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' points outside templates/");
        }
        return _paths[templateName] = full;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        // Every template was parsed up front and handed to the context's cache, so only a missing one lands here.
        throw new ScriptRuntimeException(callerSpan, $"include '{Path.GetRelativePath(_root, templatePath).Replace('\\', '/')}' was not found in templates/");
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
