using Markdig;
using Site.Content;
using Site.Diagnostics;
using Site.Localization;
using Site.Markdown.Annotations;
using Site.Markdown.Citations;
using Site.Markdown.Comments;
using Site.Markdown.Figures;
using Site.Markdown.Notes;
using Site.Markdown.Tables;

namespace Site.Markdown;

/// <summary>An article's Markdown rendered: the body, the Notes and Sources sections that follow it, its
/// resolved annotations with each note's plain text (by number), and its links for the link check.</summary>
internal sealed record RenderedArticle(
    Article Article,
    string BodyHtml,
    string NotesHtml,
    string SourcesHtml,
    AnnotationSet Annotations,
    IReadOnlyList<string> NoteTexts,
    IReadOnlyList<MarkdownLink> Links)
{
    /// <summary>The image variants its page shows, to copy into the output beside the page.</summary>
    public IReadOnlyList<PublishedFile> Files { get; init; } = [];

    public IReadOnlyList<Note> Notes => Annotations.Notes;

    /// <summary>The note as plain text, for annotations.json.</summary>
    public string TextOf(Note note) => NoteTexts[note.Number - 1];
}

/// <summary>A link as written in Markdown, with its 1-based position, so the link check can point at it.</summary>
internal sealed record MarkdownLink(string Url, int Line, int Column);

/// <summary>Owns the one Markdig pipeline of a build and renders articles with it (thread-safe).</summary>
internal sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;

    private readonly VerdictScale? _verdicts;
    private readonly bool _strict;
    private readonly IReadOnlyCollection<string> _pageIds;

    /// <param name="verdicts">The desk's verdict scale, which every fact-check's verdict must be on.</param>
    /// <param name="strict">Warn about what --strict makes an error, such as free-text verdicts without a scale.</param>
    /// <param name="pageIds">Ids the templates write on every page, such as "main", which headings must not take.</param>
    public MarkdownRenderer(bool allowHtml, VerdictScale? verdicts = null, bool strict = false, IReadOnlyCollection<string>? pageIds = null)
    {
        _verdicts = verdicts;
        _strict = strict;
        _pageIds = pageIds ?? [];
        // Extensions are listed one by one: UseAdvancedExtensions() would bring generic attributes,
        // which let "{onclick=...}" through even with HTML disabled.
        var builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .Use<CommentsExtension>()
            .UsePipeTables()
            // Strikethrough only: single '~' and '^' (sub- and superscript) would take "20~25°C", "2^10"
            // and the '^' of "[^label]" and "{^label}", so annotations and ordinary news text came out wrong.
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
            .Use<HeadingIdExtension>()
            .UseAutoLinks()
            .Use<NotesExtension>()
            .Use<CitationsExtension>()
            .Use<ScrollingTableExtension>()
            .Use<FigureExtension>();
        if (!allowHtml)
        {
            builder.DisableHtml();
        }
        _pipeline = builder.Build();
    }

    /// <summary>Returns null when the article has errors; every one of them is reported.</summary>
    public RenderedArticle? Render(Article article, DiagnosticBag diagnostics) => Render(article, SourceRegistry.Empty, diagnostics);

    /// <param name="siteSources">Sources from content/sources.yml, which every article's notes may cite.</param>
    /// <param name="images">Makes the article's local images; without it they are written as they are.</param>
    /// <param name="text">The words Site writes, in the article's language; English when not given.</param>
    public RenderedArticle? Render(Article article, IReadOnlyDictionary<string, Source> siteSources, DiagnosticBag diagnostics, ImageResolver? images = null, PageText? text = null)
    {
        if (!InputLimits.Check(article.Markdown, article.File, diagnostics))
        {
            return null;
        }
        var local = new DiagnosticBag();
        try
        {
            var document = Parse(article);
            var annotations = AnnotationResolver.Resolve(document, article, siteSources, local);
            var links = LinkPolicy.Check(document, article.File, local);
            CommentsExtension.Check(document, article.File, local);
            NoteTypeCheck.CheckVerdicts(annotations.Notes, _verdicts, _strict, article.File, local);
            NoteTypeCheck.CheckEntries(annotations.Notes, article.Corrections.Count, article.File, local);
            var published = ImageCollector.Collect(document, article.File, images, local);
            // An article with errors is not published, so it is not rendered: no rejected link or
            // unresolved annotation can reach any HTML, even a preview's.
            return local.HasErrors ? null : Render(article, document, annotations, links, published, text ?? PageText.English);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig throws ArgumentException past its nesting limit, and has had fuzzing-class crashes
            // (IndexOutOfRange, NullReference): either way it is this file's problem, never the whole build's.
            local.Report(DiagnosticCode.MarkdownTooDeep, new FilePosition(article.File), $"the Markdown could not be processed: {e.Message}");
            return null;
        }
        finally
        {
            diagnostics.AddRange(local.ToSortedList());
        }
    }

    /// <summary>The article's syntax tree, as <see cref="Render(Article, IReadOnlyDictionary{string, Source}, DiagnosticBag, ImageResolver, PageText)"/> reads it.</summary>
    public Markdig.Syntax.MarkdownDocument Parse(Article article) =>
        // The article's own id is its slug (<article id="{slug}"> in the default theme).
        Markdig.Markdown.Parse(article.Markdown, _pipeline, HeadingIdExtension.Reserve(_pageIds.Append(article.Slug)));

    /// <summary>Each thread's buffer for an article's HTML: cleared, it keeps the room the last article needed,
    /// so an article is written without growing it block by block.</summary>
    [ThreadStatic]
    private static System.Text.StringBuilder? html;

    private RenderedArticle Render(Article article, Markdig.Syntax.MarkdownDocument document, AnnotationSet annotations, IReadOnlyList<MarkdownLink> links,
        Dictionary<Markdig.Syntax.Inlines.LinkInline, PublishedImage> images, PageText text)
    {
        var buffer = html ??= new System.Text.StringBuilder();
        buffer.Clear();
        var writer = new StringWriter(buffer);
        var renderer = new ArticleHtmlRenderer(writer, annotations, text) { Images = images };
        _pipeline.Setup(renderer);
        renderer.Render(document);
        var body = writer.ToString();

        writer.GetStringBuilder().Clear();
        NotesSectionWriter.Write(renderer, annotations, text);
        var notes = writer.ToString();

        writer.GetStringBuilder().Clear();
        SourcesSectionWriter.Write(renderer, annotations, text);
        var sources = writer.ToString();

        var texts = annotations.Notes.Select(note => NoteText.Of(note, annotations, text)).ToList();
        var files = images.Values.SelectMany(image => image.Files).DistinctBy(file => file.OutputPath).ToList();
        return new RenderedArticle(article, body, notes, sources, annotations, texts, links) { Files = files };
    }
}
