using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Site.Content;
using Site.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Markdown;
using Site.Markdown.Comments;
using Site.Markdown.Notes;
using Site.Tests.Support;

namespace Site.Tests.Robustness.Fuzz;

/// <summary>A property a rendered document broke, and how.</summary>
internal sealed record FuzzFailure(string Property, string Detail)
{
    public override string ToString() => $"{Property}: {Detail}";
}

/// <summary>
/// Renders one Markdown document in process, the way a build renders an article (the sample article's
/// front matter and sources, the sample site's content/sources.yml, HTML off), and checks what every document must satisfy, whatever its text.
/// </summary>
internal sealed class FuzzTarget
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly MarkdownRenderer _renderer = new(allowHtml: false);

    /// <summary>The sample site's shared sources, which the sample article cites beside its own.</summary>
    private readonly IReadOnlyDictionary<string, Source> _siteSources;
    private int _unreadable;
    private int _refused;
    private int _published;

    /// <summary>What became of the documents checked so far.</summary>
    public string Tally => $"{_published} published and checked, {_refused} refused with an error, {_unreadable} refused by the file reader";

    public FuzzTarget()
    {
        var content = Path.Combine(RepoRoot.Find(), "content");
        var path = Path.Combine(content, "tokayev-january-events.md");
        SampleText = TextFile.Read(path);
        var diagnostics = new DiagnosticBag();
        _siteSources = SourceRegistry.LoadSiteSources(content, diagnostics);
        var sample = FrontMatter.Parse(SampleText, "content/tokayev-january-events.md", "tokayev-january-events", diagnostics)
            ?? throw new InvalidOperationException($"the sample article does not parse: {string.Join("; ", diagnostics.ToSortedList())}");
        Assert.NotEmpty(sample.Sources);
    }

    /// <summary>The whole file, front matter included.</summary>
    public string SampleText { get; }

    /// <summary>Checks a whole article file, front matter and all, as <see cref="TextFile"/> would read it.</summary>
    public FuzzFailure? CheckFile(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            Interlocked.Increment(ref _unreadable); // refused by the file reader, as ArticleFileTests shows
            return null;
        }
        if (text.Contains('\0'))
        {
            Interlocked.Increment(ref _unreadable);
            return null;
        }
        return CheckFile(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
    }

    public FuzzFailure? CheckFile(string text)
    {
        var diagnostics = new DiagnosticBag();
        Article? article;
        try
        {
            article = FrontMatter.Parse(text, "content/fuzz.md", "fuzz", diagnostics);
        }
        catch (Exception e)
        {
            return new("throws", e.ToString());
        }
        if (article is null)
        {
            Interlocked.Increment(ref _refused);
            return diagnostics.HasErrors ? null : new("fails silently", "no article and no error");
        }
        // A build renders the body even when the front matter has errors, so one run reports both.
        return Check(article);
    }

    private FuzzFailure? Check(Article article)
    {
        var diagnostics = new DiagnosticBag();
        RenderedArticle? rendered;
        try
        {
            rendered = _renderer.Render(article, _siteSources, diagnostics);
        }
        catch (Exception e)
        {
            return new("throws", e.ToString());
        }
        var found = diagnostics.ToSortedList();
        var errors = found.Where(d => d.Severity == Severity.Error).ToList();
        // The renderer turns any exception into SITE021; only nesting past the limit is an expected one.
        if (errors.FirstOrDefault(d => d.Code == "SITE021" && !d.Message.Contains("nested", StringComparison.Ordinal)) is { } crash)
        {
            return new("throws", crash.ToString());
        }
        if (Unaccounted(article, errors) is { } lost)
        {
            return new("annotation syntax neither rendered nor reported", lost);
        }
        if (rendered is null)
        {
            Interlocked.Increment(ref _refused);
            return errors.Count > 0 ? null : new("fails silently", "no page and no error");
        }
        Interlocked.Increment(ref _published);
        if (errors.Count > 0)
        {
            return new("publishes with errors", errors[0].ToString());
        }
        return CheckHtml(rendered.BodyHtml + rendered.NotesHtml + rendered.SourcesHtml);
    }

    /// <summary>
    /// Every "[^" and "{^" in the source is a reference or a definition (which the other checks follow to
    /// the page), or stands where syntax is only text or hidden by design (code, an editorial comment, a
    /// URL), or has an error on its line: none is lost as literal text, and none vanishes unreported.
    /// </summary>
    /// <returns>The first that is none of these, with its line, or null.</returns>
    private string? Unaccounted(Article article, IReadOnlyList<Diagnostic> errors)
    {
        if (errors.Any(d => d.Code == "SITE021"))
        {
            return null; // the whole file was refused, unparsed
        }
        var markdown = article.Markdown;
        var document = _renderer.Parse(article);
        var syntax = new HashSet<int>();
        var text = new List<(int Start, int End)>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case NoteReference or NoteDefinition:
                    syntax.Add(node.Span.Start);
                    break;
                case CodeBlock code:
                    // By lines: the span of a fence left open, and of its info string, falls short.
                    var last = code.Line + code.Lines.Count + (code is FencedCodeBlock ? 1 : -1);
                    text.Add((LineStart(markdown, code.Line), LineStart(markdown, last + 1) - 1));
                    break;
                case CodeInline or CommentBlock or CommentInline or LinkReferenceDefinition or LinkInline { IsAutoLink: true }:
                    text.Add((node.Span.Start, node.Span.End));
                    break;
                case LinkInline link:
                    text.Add((link.UrlSpan.Start, link.UrlSpan.End));
                    text.Add((link.TitleSpan.Start, link.TitleSpan.End));
                    break;
            }
        }
        var errorLines = errors.Select(d => d.Line).ToHashSet();
        foreach (var token in new[] { "[^", "{^" })
        {
            for (var at = markdown.IndexOf(token, StringComparison.Ordinal); at >= 0; at = markdown.IndexOf(token, at + 1, StringComparison.Ordinal))
            {
                var line = markdown.AsSpan(0, at).Count('\n') + 1;
                if (!syntax.Contains(at) && !text.Any(t => t.Start <= at && at <= t.End) && !errorLines.Contains(line))
                {
                    return $"'{Excerpt(markdown[at..Math.Min(markdown.Length, at + 40)])}' at line {line}";
                }
            }
        }
        return null;
    }

    /// <summary>The offset where 0-based line <paramref name="line"/> starts, or the text's length past its end.</summary>
    private static int LineStart(string text, int line)
    {
        var at = 0;
        for (var i = 0; i < line && at >= 0; i++)
        {
            at = text.IndexOf('\n', at) is var nl and >= 0 ? nl + 1 : -1;
        }
        return at < 0 ? text.Length + 1 : at;
    }

    private static FuzzFailure? CheckHtml(string html)
    {
        var parseErrors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) =>
        {
            if (e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error)
            {
                parseErrors.Add($"{error.Code} at {error.Position.Line}:{error.Position.Column}");
            }
        };
        var document = parser.ParseDocument("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>" + html + "</body></html>");
        if (parseErrors.Count > 0)
        {
            return new("output is not well-formed HTML", $"{string.Join(", ", parseErrors.Take(3))} in {Excerpt(html)}");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]"))
        {
            if (!ids.Add(element.Id!))
            {
                return new("duplicate id", element.Id!);
            }
        }
        foreach (var reference in document.QuerySelectorAll("a[role=doc-noteref]"))
        {
            var href = reference.GetAttribute("href") ?? "";
            if (!href.StartsWith('#') || document.GetElementById(Uri.UnescapeDataString(href[1..])) is not { } note || !note.ClassList.Contains("note"))
            {
                return new("reference to no note", reference.OuterHtml);
            }
        }
        foreach (var text in document.Body!.Descendants<IText>())
        {
            // Code shows syntax as it is; source titles and publishers are text from the registry, not Markdown.
            if ((text.Data.Contains("[^", StringComparison.Ordinal) || text.Data.Contains("{^", StringComparison.Ordinal))
                && text.Ancestors<IElement>().All(e => e.LocalName is not ("code" or "pre") && !e.ClassList.Contains("sources") && !e.ClassList.Contains("source-link")))
            {
                return new("literal [^ or {^ in the text", Excerpt(text.Data));
            }
        }
        return null;
    }

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
