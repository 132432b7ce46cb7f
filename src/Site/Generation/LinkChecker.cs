using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Generation;

/// <summary>
/// Checks every link of every written page after the build: internal pages and assets must exist, and
/// #fragments (note and back-link anchors included) must name an id on the target page. External links
/// are not fetched, only checked to be well-formed. Broken links from Markdown are reported at their
/// source position; those from templates at the page.
/// </summary>
internal sealed partial class LinkChecker(Uri? baseUrl)
{
    private readonly ConcurrentDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri?> _external = new(StringComparer.Ordinal);
    private readonly string _basePath = baseUrl?.AbsolutePath ?? "/";

    private sealed record Page(string Path, string SourceFile, IReadOnlyList<SourceLink> SourceLinks, HashSet<string> Ids, List<string> Links);

    public void AddFile(string outputPath) => _files.TryAdd(outputPath, 0);

    /// <summary>A page that failed to render: its own errors are reported, so links to it are not.</summary>
    public void AddFailed(string outputPath) => _files.TryAdd(outputPath, 0);

    public void AddPage(string outputPath, string html, string sourceFile, IReadOnlyList<SourceLink> sourceLinks)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<string>();
        foreach (var (name, value) in Attributes(html))
        {
            if (name == "id")
            {
                ids.Add(value);
            }
            else
            {
                links.Add(value);
            }
        }
        _files.TryAdd(outputPath, 0);
        _pages[outputPath] = new Page(outputPath, sourceFile, sourceLinks, ids, links);
    }

    public void Check(DiagnosticBag diagnostics)
    {
        // Diagnostics are sorted when printed, so pages can be checked in parallel.
        Parallel.ForEach(_pages.Values, page =>
        {
            foreach (var link in page.Links.Distinct(StringComparer.Ordinal))
            {
                if (Problem(page, link) is { } problem)
                {
                    Report(page, link, problem.Code, problem.Message, diagnostics);
                }
            }
        });
    }

    private (string Code, string Message)? Problem(Page page, string link)
    {
        if (link.Length == 0)
        {
            return ("SITE050", "empty link");
        }
        if (link[0] == '#')
        {
            return FragmentProblem(page, Uri.UnescapeDataString(link[1..]), page.Path);
        }
        var scheme = Scheme().Match(link);
        if (scheme.Success || link.StartsWith("//", StringComparison.Ordinal))
        {
            var kind = scheme.Success ? scheme.Groups[1].Value.ToLowerInvariant() : "https";
            if (kind is "mailto")
            {
                return link.Length > "mailto:".Length ? null : ("SITE052", "mailto link has no address");
            }
            if (kind is not ("http" or "https"))
            {
                return ("SITE052", $"link scheme '{kind}:' is not allowed");
            }
            // Pages share most external links (sources, the original publication): parse each once.
            var external = _external.GetOrAdd(link, l => Uri.TryCreate(scheme.Success ? l : "https:" + l, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri : null);
            if (external is null)
            {
                return ("SITE052", $"malformed URL '{link}'");
            }
            if (baseUrl is null || !external.AbsoluteUri.StartsWith(baseUrl.AbsoluteUri, StringComparison.Ordinal))
            {
                return null;
            }
            link = "/" + external.AbsoluteUri[baseUrl.AbsoluteUri.Length..];
            link = _basePath + link.TrimStart('/');
        }

        var resolved = new Uri(new Uri("https://site.invalid" + _basePath + page.Path), link);
        var path = Uri.UnescapeDataString(resolved.AbsolutePath);
        if (!path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            return ("SITE050", $"link '{link}' leaves the site's base path {_basePath}");
        }
        var target = path[_basePath.Length..];
        if (target.Length == 0 || target.EndsWith('/'))
        {
            target += "index.html";
        }
        if (!_files.ContainsKey(target))
        {
            if (!_files.ContainsKey(target + "/index.html"))
            {
                return ("SITE050", $"link '{link}' points to a page or file that does not exist");
            }
            target += "/index.html";
        }
        return resolved.Fragment.Length > 1 ? FragmentProblem(page, Uri.UnescapeDataString(resolved.Fragment[1..]), target) : null;
    }

    private (string Code, string Message)? FragmentProblem(Page from, string fragment, string targetPath)
    {
        if (fragment.Length == 0 || !_pages.TryGetValue(targetPath, out var target) || target.Ids.Contains(fragment))
        {
            return null;
        }
        var where = targetPath == from.Path ? "on this page" : $"on {targetPath}";
        return ("SITE051", $"link to '#{fragment}' has no matching id {where}");
    }

    private static void Report(Page page, string link, string code, string message, DiagnosticBag diagnostics)
    {
        var source = page.SourceLinks.FirstOrDefault(s => Same(s.Url, link));
        if (source is not null)
        {
            diagnostics.Error(page.SourceFile, source.Line, source.Column, code, message);
        }
        else
        {
            diagnostics.Error(page.SourceFile, 0, 0, code, $"{message} (in the page {page.Path}, from a template)");
        }
    }

    private static bool Same(string markdownUrl, string htmlUrl)
    {
        static string Normal(string url) => Uri.UnescapeDataString(url).Trim();
        return Normal(markdownUrl) == Normal(htmlUrl);
    }

    /// <summary>The id, href and src attributes of <paramref name="html"/>, values decoded. A plain scan for
    /// '=' rather than a regex: it runs over every byte of every page.</summary>
    private static IEnumerable<(string Name, string Value)> Attributes(string html)
    {
        for (var equals = html.IndexOf('='); equals >= 0; equals = html.IndexOf('=', equals + 1))
        {
            var nameEnd = equals;
            while (nameEnd > 0 && html[nameEnd - 1] is ' ' or '\t' or '\n')
            {
                nameEnd--;
            }
            var nameStart = nameEnd;
            while (nameStart > 0 && char.IsAsciiLetter(html[nameStart - 1]))
            {
                nameStart--;
            }
            var length = nameEnd - nameStart;
            if (length is < 2 or > 4 || nameStart == 0 || html[nameStart - 1] is not (' ' or '\t' or '\n')
                || html.LastIndexOf('<', nameStart) <= html.LastIndexOf('>', nameStart))
            {
                // Not an attribute of a tag: text such as "href='x'" in an article about HTML.
                continue;
            }
            var name = html.AsSpan(nameStart, length);
            var kind = name.Equals("id", StringComparison.OrdinalIgnoreCase) ? "id"
                : name.Equals("href", StringComparison.OrdinalIgnoreCase) ? "href"
                : name.Equals("src", StringComparison.OrdinalIgnoreCase) ? "src" : null;
            var valueStart = equals + 1;
            while (valueStart < html.Length && html[valueStart] is ' ' or '\t' or '\n')
            {
                valueStart++;
            }
            if (kind is null || valueStart >= html.Length || html[valueStart] is not ('"' or '\''))
            {
                continue;
            }
            var valueEnd = html.IndexOf(html[valueStart], valueStart + 1);
            if (valueEnd < 0)
            {
                yield break;
            }
            var value = html.AsSpan(valueStart + 1, valueEnd - valueStart - 1);
            yield return (kind, value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString());
            equals = valueEnd;
        }
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex Scheme();
}
