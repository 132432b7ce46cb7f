using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Site.Tests.Robustness.Injection;

/// <summary>
/// What a page must not contain for any content to run script in it, checked on the parsed DOM the way
/// a browser would see it: no event handler attributes, no script URLs, no script but the theme's own
/// and valid JSON-LD, and none of the elements that load or navigate on their own.
/// </summary>
internal static class PageSafety
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "ping", "srcset", "codebase", "manifest", "icon"];

    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:", "data:"];

    private static readonly string[] ActiveElements = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "portal"];

    public static IEnumerable<string> Problems(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            foreach (var attribute in element.Attributes)
            {
                if (attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{name}> has an event handler: {attribute.Name}=\"{attribute.Value}\"";
                }
                if (attribute.LocalName.Equals("srcdoc", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{name}> has srcdoc";
                }
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && IsScriptUrl(attribute.Value))
                {
                    yield return $"<{name}> has a script URL: {attribute.Name}=\"{attribute.Value}\"";
                }
            }
            if (ActiveElements.Contains(name))
            {
                yield return $"a <{name}> element";
            }
            if (name == "meta" && element.HasAttribute("http-equiv"))
            {
                yield return $"<meta http-equiv=\"{element.GetAttribute("http-equiv")}\">";
            }
            if (name == "script" && ScriptProblem(element) is { } problem)
            {
                yield return problem;
            }
        }
    }

    /// <summary>As a browser reads a URL: tabs and newlines dropped anywhere, controls and spaces trimmed
    /// from the start, the scheme in any case.</summary>
    public static bool IsScriptUrl(string value)
    {
        var url = new string(value.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).TrimStart(Enumerable.Range(0, 33).Select(c => (char)c).ToArray());
        return ScriptSchemes.Any(scheme => url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static string? ScriptProblem(IElement script)
    {
        if (script.GetAttribute("src") is { } src)
        {
            // The theme's own script, from its assets folder, with nothing inline.
            return System.Text.RegularExpressions.Regex.IsMatch(src, @"^(?:\.{1,2}/|/|[\w-]+/)*assets/[\w./-]+\.js$") && script.TextContent.Length == 0
                ? null
                : $"a script from '{src}'";
        }
        if (script.GetAttribute("type") != "application/ld+json")
        {
            return $"an inline script: {script.OuterHtml}";
        }
        try
        {
            using var json = JsonDocument.Parse(script.TextContent);
            return null;
        }
        catch (JsonException e)
        {
            return $"JSON-LD that is not JSON ({e.Message}): {script.TextContent}";
        }
    }
}
