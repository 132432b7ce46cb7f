using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Generation;

/// <summary>
/// Checks every link of every written page: internal pages and assets must exist, and #fragments (note
/// and back-link anchors included) must name an id on the target page. External links are not fetched,
/// only checked to be well-formed. Broken links from Markdown are reported at their source position;
/// those from templates at the page. A page's own anchors and its external links are checked as the page
/// is added; only links to other pages wait for <see cref="Check"/>, so memory stays small on large sites.
/// </summary>
/// <param name="templateIds">Ids the templates write literally, with where: a duplicate id names them.</param>
internal sealed class LinkChecker(Uri? baseUrl, DiagnosticBag diagnostics, IReadOnlyDictionary<string, IReadOnlyList<FilePosition>>? templateIds = null)
{
    /// <summary>Every page added, whose links to other pages <see cref="Check"/> checks: the page's <see cref="PageLinks"/>
    /// holds them, and the build cache keeps those too, so a copy of every link here would be the same links twice.</summary>
    private readonly ConcurrentQueue<PageLinks> _pages = new();
    private readonly ConcurrentDictionary<string, ulong[]> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);
    private readonly string _basePath = baseUrl?.AbsolutePath ?? "/";

    /// <summary>The base path as links resolve to, decoded: /новости/ for https://example.org/%D0%BD…/.</summary>
    private readonly string _decodedBasePath = Uri.UnescapeDataString(baseUrl?.AbsolutePath ?? "/");

    /// <summary>A link to another page or file, resolved, waiting until every file is known. A struct: a large
    /// site has hundreds of thousands, read back from the build cache on every build.</summary>
    internal readonly record struct Pending(string Link, string Target, string? Fragment, string File, int Line, int Column, string FromPage);

    /// <summary>What one page contributes: its ids (hashed), its links to other pages, and the problems
    /// found within it. The preview keeps it with the page, so an unchanged page is not scanned again.</summary>
    internal sealed record PageLinks(string Path, ulong[] Ids, IReadOnlyList<Pending> Pending, IReadOnlyList<Diagnostic> Problems)
    {
        /// <summary>What <see cref="Check"/> found of its links to other pages in the last build, which the build
        /// cache keeps; null when not known (a page scanned in this build). Only a build whose pages and files are
        /// the last build's (<see cref="Checked.World"/>) takes it instead of checking the links again.</summary>
        public IReadOnlyList<Diagnostic>? Found { get; init; }
    }

    /// <summary>What <see cref="Check"/> found: the world it checked links in (a digest of every file, every
    /// page's ids and the articles held back: all a link's check looks at besides the link), and each page's
    /// problems with its links to other pages, by page (the instance added).</summary>
    internal sealed record Checked(UInt128 World, IReadOnlyDictionary<PageLinks, IReadOnlyList<Diagnostic>> Found);

    /// <summary>One copy of each link and target the pending links name. Every page links to the same
    /// stylesheet, feed and tag pages, and every listing to the same articles: on 10,000 articles, 140,000
    /// links waiting for <see cref="Check"/> held two strings each, mostly copies.</summary>
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public void AddFile(string outputPath) => _files.TryAdd(outputPath, 0);

    private string Intern(string text) => _strings.GetOrAdd(text, text);

    /// <summary>Adds a page, scanned by <see cref="Scan"/> in this build or an earlier one of the same preview session.</summary>
    public void Add(PageLinks page)
    {
        _files.TryAdd(page.Path, 0);
        _ids[page.Path] = page.Ids;
        _pages.Enqueue(page);
        diagnostics.AddRange(page.Problems);
    }

    /// <summary>Reads a page's ids and links, and checks those within the page and to other sites (thread-safe).</summary>
    /// <param name="sourceFile">Where the page's links were written: the article, or the template.</param>
    /// <param name="markdownLinks">The links written in Markdown, to report a broken one at its position.</param>
    /// <param name="html">The page, UTF-8.</param>
    public PageLinks Scan(string outputPath, byte[] html, string sourceFile, IReadOnlyList<MarkdownLink> markdownLinks)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in Attributes(html))
        {
            if (name != "id")
            {
                links.Add(value);
            }
            else if (!ids.Add(value))
            {
                duplicates.Add(value);
            }
        }
        var pending = new List<Pending>();
        var problems = new List<Diagnostic>();
        problems.AddRange(duplicates.Select(id => DuplicateId(outputPath, id, sourceFile)));
        // Made when the first link needs them: most pages have links only to other sites, all well-formed.
        Dictionary<string, MarkdownLink>? written = null;
        Uri? page = null;
        var pageUrlPath = _basePath + outputPath;
        foreach (var link in links)
        {
            void Report(DiagnosticCode code, string message)
            {
                var (line, column) = Position(link, markdownLinks, ref written);
                problems.Add(new Diagnostic(code, new FilePosition(sourceFile, line, column), line > 0 ? message : $"{message} (in the page {outputPath}, from a template)"));
            }

            if (link.Length == 0)
            {
                Report(DiagnosticCode.MissingTarget, "empty link");
            }
            else if (link[0] == '#')
            {
                var fragment = Uri.UnescapeDataString(link[1..]);
                if (fragment.Length > 0 && !ids.Contains(fragment))
                {
                    Report(DiagnosticCode.MissingFragment, $"link to '#{fragment}' has no matching id on this page");
                }
            }
            else if (Resolve(pageUrlPath, ref page, link, out var target, out var targetFragment) is { } problem)
            {
                Report(problem.Code, problem.Message);
            }
            else if (target is not null)
            {
                var (line, column) = Position(link, markdownLinks, ref written);
                pending.Add(new Pending(Intern(link), Intern(target), targetFragment, sourceFile, line, column, outputPath));
            }
        }
        return new PageLinks(outputPath, SortedHashes(ids), pending, problems);
    }

    /// <summary>Other pages' fragments are checked against hashes of the ids, sorted for a binary search: a few
    /// bytes per id instead of the strings. Filled and sorted in place: every page has dozens of ids.</summary>
    private static ulong[] SortedHashes(HashSet<string> ids)
    {
        var hashes = new ulong[ids.Count];
        var index = 0;
        foreach (var id in ids)
        {
            hashes[index++] = Hash(id);
        }
        Array.Sort(hashes);
        return hashes;
    }

    /// <summary>An id twice on one page: a link or a note's back-link would jump to the first. Reported at the
    /// template that writes it, naming every place known to write it.</summary>
    private Diagnostic DuplicateId(string page, string id, string sourceFile)
    {
        var written = templateIds?.GetValueOrDefault(id) ?? [];
        var places = written.Select(p => $"{p.File}({p.Line},{p.Column})").ToList();
        if (places.Count < 2 && sourceFile.EndsWith(".md", StringComparison.Ordinal))
        {
            places.Add(sourceFile);
        }
        var where = places.Count > 0 ? $", written by {string.Join(" and ", places)}" : "";
        return new Diagnostic(DiagnosticCode.DuplicateId, written.Count > 0 ? written[0] : new FilePosition(sourceFile),
            $"the id '{id}' is on the page {page} more than once{where}; links to it would reach only the first");
    }

    /// <summary>Checks the links between pages, once every page and file has been added.</summary>
    /// <param name="heldBack">The articles this build reads but does not publish (drafts, future-dated): a link
    /// to one is not to a page that does not exist, and one dated in the future is only early.</param>
    /// <param name="lastWorld">The world the last build checked in: when this build's is the same, a page that
    /// knows what the last check of its links found (carried from the build cache) is not checked again, and
    /// its links are never decoded. A link's check looks at nothing but the link and the world.</param>
    public Checked Check(IReadOnlyList<Content.Article> heldBack, UInt128? lastWorld = null)
    {
        var unpublished = new Dictionary<string, Content.Article>(StringComparer.Ordinal);
        foreach (var article in heldBack)
        {
            unpublished.TryAdd(article.PagePath, article); // two on one URL are reported by the loader
        }
        var world = World(unpublished);
        var found = new Dictionary<PageLinks, IReadOnlyList<Diagnostic>>(ReferenceEqualityComparer.Instance);
        foreach (var page in _pages)
        {
            var problems = world == lastWorld && page.Found is { } known ? known : CheckPage(page, unpublished);
            diagnostics.AddRange(problems);
            found.TryAdd(page, problems);
        }
        return new Checked(world, found);
    }

    private List<Diagnostic> CheckPage(PageLinks page, Dictionary<string, Content.Article> unpublished)
    {
        var problems = new List<Diagnostic>();
        foreach (var link in page.Pending)
        {
            var target = link.Target;
            if (!_files.ContainsKey(target))
            {
                if (!_files.ContainsKey(target + "/index.html"))
                {
                    problems.Add(Missing(link, unpublished.GetValueOrDefault(target) ?? unpublished.GetValueOrDefault(target + "/index.html")));
                    continue;
                }
                target += "/index.html";
            }
            if (link.Fragment is { Length: > 0 } fragment && _ids.TryGetValue(target, out var ids) && ids.AsSpan().BinarySearch(Hash(fragment)) < 0)
            {
                problems.Add(Problem(link, DiagnosticCode.MissingFragment, $"link to '#{fragment}' has no matching id on {target}"));
            }
        }
        return problems;
    }

    /// <summary>A digest of all a link's check looks at besides the link: every file, every page's ids, and the
    /// articles held back. Each item hashed on its own and the hashes added, so the order the pages were added
    /// in (parallel) does not matter.</summary>
    private UInt128 World(Dictionary<string, Content.Article> unpublished)
    {
        UInt128 world = 0;
        foreach (var (file, _) in _files)
        {
            world += Hash128(file, 1);
        }
        foreach (var (path, ids) in _ids)
        {
            world += Hash128(path, 2) ^ XxHash128.HashToUInt128(MemoryMarshal.AsBytes(ids.AsSpan()), 3);
        }
        foreach (var (path, article) in unpublished)
        {
            world += Hash128($"{path}\n{article.File}\n{article.Draft}\n{article.Date.ToIso()}", 4);
        }
        return world;
    }

    private static UInt128 Hash128(string text, long seed) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.AsSpan()), seed);

    /// <summary>A link to a page this build does not write. To an article dated in the future it is a warning, not
    /// an error: the link works from that date, and a build before it must still publish the rest of the site
    /// (a link to a scheduled follow-up, or a page listing every article, would otherwise stop every build until then).</summary>
    private static Diagnostic Missing(Pending link, Content.Article? heldBack)
    {
        if (heldBack is null)
        {
            return Problem(link, DiagnosticCode.MissingTarget, $"link '{link.Link}' points to a page or file that does not exist");
        }
        if (heldBack.Draft)
        {
            return Problem(link, DiagnosticCode.MissingTarget, $"link '{link.Link}' points to {heldBack.File}, a draft this build does not publish (--drafts)");
        }
        return Problem(link, DiagnosticCode.ScheduledTarget,
            $"link '{link.Link}' points to {heldBack.File}, dated {heldBack.Date.ToIso()} and held back until then (--future): the link is broken until a build on or after that date");
    }

    private static Diagnostic Problem(Pending link, DiagnosticCode code, string message) => new(
        code, new FilePosition(link.File, link.Line, link.Column), link.Line > 0 ? message : $"{message} (in the page {link.FromPage}, from a template)");

    /// <summary>Resolves a non-fragment link of the page at <paramref name="pageUrlPath"/> (the base path and the
    /// page's path): a problem, or an internal target (null for a well-formed external link).</summary>
    /// <param name="page">The page's own URL, made by the first relative link and kept for the page's others.</param>
    private (DiagnosticCode Code, string Message)? Resolve(string pageUrlPath, ref Uri? page, string link, out string? target, out string? fragment)
    {
        target = null;
        fragment = null;
        var colon = link.IndexOf(':');
        var hasScheme = colon > 0 && link.AsSpan(0, colon).IndexOfAny('/', '?', '#') < 0;
        if (hasScheme || link.StartsWith("//", StringComparison.Ordinal))
        {
            var scheme = hasScheme ? link.AsSpan(0, colon) : "https";
            if (scheme is not ("https" or "http"))
            {
                var kind = scheme.ToString().ToLowerInvariant();
                if (kind is "mailto")
                {
                    return link.Length > "mailto:".Length ? null : (DiagnosticCode.MalformedUrl, "mailto link has no address");
                }
                if (kind is not ("http" or "https"))
                {
                    return (DiagnosticCode.MalformedUrl, $"link scheme '{kind}:' is not allowed");
                }
            }
            var host = PlainLinks.ExternalHost(link.AsSpan(hasScheme ? colon + 1 : 0));
            if (!host.IsEmpty && (baseUrl is null || !host.Equals(baseUrl.Host, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            var absolute = hasScheme ? link : "https:" + link;
            if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                return (DiagnosticCode.MalformedUrl, $"malformed URL '{link}'");
            }
            // Compared percent-encoded, as the base URL is: a link may spell its path in any script. Another
            // host cannot be the base URL's, whatever its path: most links are to other sites.
            if (baseUrl is null || !string.Equals(uri.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase)
                || uri.AbsoluteUri is not { } canonical || !canonical.StartsWith(baseUrl.AbsoluteUri, StringComparison.Ordinal))
            {
                return null;
            }
            link = _basePath + canonical[baseUrl.AbsoluteUri.Length..];
        }

        if (!PlainLinks.TryResolve(pageUrlPath, link, out var path, out fragment))
        {
            page ??= new Uri("https://site.invalid" + pageUrlPath);
            var resolved = new Uri(page, link);
            path = Uri.UnescapeDataString(resolved.AbsolutePath);
            fragment = resolved.Fragment.Length > 1 ? Uri.UnescapeDataString(resolved.Fragment[1..]) : null;
        }
        if (!path.StartsWith(_decodedBasePath, StringComparison.Ordinal))
        {
            return (DiagnosticCode.MissingTarget, $"link '{link}' leaves the site's base path {_decodedBasePath}");
        }
        target = path[_decodedBasePath.Length..];
        if (target.Length == 0 || target.EndsWith('/'))
        {
            target += "index.html";
        }
        return null;
    }

    /// <summary>Where <paramref name="link"/> is written in the Markdown; (0, 0) when a template wrote it.</summary>
    /// <param name="written">The Markdown's links by URL, made on the page's first call.</param>
    private static (int Line, int Column) Position(string link, IReadOnlyList<MarkdownLink> markdownLinks, ref Dictionary<string, MarkdownLink>? written)
    {
        written ??= WrittenAt(markdownLinks);
        return written.Count > 0 && written.TryGetValue(Normal(link), out var source) ? (source.Line, source.Column) : (0, 0);
    }

    /// <summary>The links written in Markdown by their URL as compared with the page's, each at its first place.</summary>
    private static Dictionary<string, MarkdownLink> WrittenAt(IReadOnlyList<MarkdownLink> markdownLinks)
    {
        var written = new Dictionary<string, MarkdownLink>(markdownLinks.Count, StringComparer.Ordinal);
        foreach (var link in markdownLinks)
        {
            written.TryAdd(Normal(link.Url), link);
        }
        return written;
    }

    private static string Normal(string url) => Uri.UnescapeDataString(url).Trim();

    /// <summary>FNV-1a, 64 bits: ids only need telling apart within one page.</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>The id, href and src attributes of <paramref name="html"/> (UTF-8), values decoded. A plain scan
    /// for '=' rather than a regex: it runs over every byte of every page. Bytes, not characters: the page is
    /// scanned as it is written, and every delimiter is ASCII, which no byte of a longer UTF-8 sequence is.</summary>
    private static IEnumerable<(string Name, string Value)> Attributes(byte[] html)
    {
        for (var equals = Array.IndexOf(html, (byte)'='); equals >= 0; equals = Array.IndexOf(html, (byte)'=', equals + 1))
        {
            var nameEnd = equals;
            while (nameEnd > 0 && html[nameEnd - 1] is (byte)' ' or (byte)'\t' or (byte)'\n')
            {
                nameEnd--;
            }
            var nameStart = nameEnd;
            while (nameStart > 0 && char.IsAsciiLetter((char)html[nameStart - 1]))
            {
                nameStart--;
            }
            var length = nameEnd - nameStart;
            if (length is < 2 or > 4 || nameStart == 0 || html[nameStart - 1] is not ((byte)' ' or (byte)'\t' or (byte)'\n')
                || html.AsSpan(0, nameStart).LastIndexOfAny((byte)'<', (byte)'>') is var bracket && (bracket < 0 || html[bracket] != '<'))
            {
                // Not an attribute of a tag: text such as "href='x'" in an article about HTML.
                continue;
            }
            var kind = AttributeKind(html.AsSpan(nameStart, length));
            var valueStart = equals + 1;
            while (valueStart < html.Length && html[valueStart] is (byte)' ' or (byte)'\t' or (byte)'\n')
            {
                valueStart++;
            }
            if (kind is null || valueStart >= html.Length || html[valueStart] is not ((byte)'"' or (byte)'\''))
            {
                continue;
            }
            var valueEnd = Array.IndexOf(html, html[valueStart], valueStart + 1);
            if (valueEnd < 0)
            {
                yield break;
            }
            var value = Encoding.UTF8.GetString(html, valueStart + 1, valueEnd - valueStart - 1);
            yield return (kind, value.Contains('&') ? WebUtility.HtmlDecode(value) : value);
            equals = valueEnd;
        }
    }

    private static string? AttributeKind(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "id"u8) ? "id" : Ascii.EqualsIgnoreCase(name, "href"u8) ? "href" : Ascii.EqualsIgnoreCase(name, "src"u8) ? "src" : null;
}
