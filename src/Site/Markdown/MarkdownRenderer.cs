using Markdig;
using Markdig.Renderers;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown.Annotations;
using Site.Markdown.Tables;

namespace Site.Markdown;

/// <summary>An article's Markdown rendered to HTML: the body, and the notes section that follows it.</summary>
internal sealed record RenderedArticle(
    Article Article,
    string BodyHtml,
    string NotesHtml,
    string SourcesHtml,
    AnnotationSet Annotations,
    IReadOnlyList<SourceLink> Links)
{
    public IReadOnlyList<Note> Notes => Annotations.Notes;
}

/// <summary>A link as written in Markdown, with its 1-based position.</summary>
internal sealed record SourceLink(string Url, int Line, int Column);

/// <summary>Owns the one Markdig pipeline of a build and renders articles with it (thread-safe).</summary>
internal sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;

    public MarkdownRenderer(bool allowHtml)
    {
        // Extensions are listed one by one: UseAdvancedExtensions() would bring generic attributes,
        // which let "{onclick=...}" through even with HTML disabled.
        var builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .UseEmphasisExtras()
            .Use<HeadingIdExtension>()
            .UseAutoLinks()
            .Use<AnnotationExtension>()
            .Use<ScrollingTableExtension>();
        if (!allowHtml)
        {
            builder.DisableHtml();
        }
        _pipeline = builder.Build();
    }

    /// <summary>Returns null when the article has errors; every one of them is reported.</summary>
    public RenderedArticle? Render(Article article, DiagnosticBag diagnostics) => Render(article, SourceRegistry.Empty, diagnostics);

    /// <param name="siteSources">Sources from content/sources.yml, which every article's notes may cite.</param>
    public RenderedArticle? Render(Article article, IReadOnlyDictionary<string, Source> siteSources, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        if (!InputLimits.Check(article.Markdown, article.File, diagnostics))
        {
            return null;
        }
        try
        {
            var document = Markdig.Markdown.Parse(article.Markdown, _pipeline);
            var annotations = AnnotationResolver.Resolve(document, article, siteSources, local);
            var links = LinkPolicy.Check(document, article.File, local);

            var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer);
            _pipeline.Setup(renderer);
            renderer.Render(document);
            var body = writer.ToString();

            writer.GetStringBuilder().Clear();
            NotesSectionWriter.Write(renderer, article.Slug, annotations.Notes);
            var notesHtml = writer.ToString();

            writer.GetStringBuilder().Clear();
            SourcesSectionWriter.Write(renderer, article.Slug, annotations.Sources);
            var sourcesHtml = writer.ToString();

            // Plain text of each note, for editors' tools (annotations.json).
            renderer.EnableHtmlForBlock = false;
            renderer.EnableHtmlForInline = false;
            renderer.EnableHtmlEscape = false;
            foreach (var note in annotations.Notes)
            {
                writer.GetStringBuilder().Clear();
                renderer.WriteChildren(note.Definition);
                note.Text = writer.ToString().Trim();
            }

            diagnostics.AddRange(local.ToSortedList());
            return local.HasErrors ? null : new RenderedArticle(article, body, notesHtml, sourcesHtml, annotations, links);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig throws ArgumentException past its nesting limit, and has had fuzzing-class crashes
            // (IndexOutOfRange, NullReference): either way it is this file's problem, never the whole build's.
            diagnostics.AddRange(local.ToSortedList());
            diagnostics.Report(DiagnosticCode.MarkdownTooDeep, new FilePosition(article.File), $"the Markdown could not be processed: {e.Message}");
            return null;
        }
    }
}
