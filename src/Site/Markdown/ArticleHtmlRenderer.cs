using Markdig.Renderers;
using Markdig.Syntax.Inlines;
using Site.Localization;
using Site.Markdown.Annotations;
using Site.Markdown.Figures;

namespace Site.Markdown;

/// <summary>The HTML renderer of one article: it carries what the article's own renderers need, its
/// resolved annotations and the words to write, to the extensions that register them.</summary>
internal sealed class ArticleHtmlRenderer(TextWriter writer, AnnotationSet annotations, PageText strings) : HtmlRenderer(writer)
{
    public AnnotationSet Annotations { get; } = annotations;

    public PageText Text { get; } = strings;

    /// <summary>The article's local images as published, by the Markdown image they were made from.</summary>
    public IReadOnlyDictionary<LinkInline, PublishedImage> Images { get; init; } = new Dictionary<LinkInline, PublishedImage>();

    /// <summary>How many images are written so far: the first loads at once, the rest lazily.</summary>
    public int ImagesWritten { get; set; }
}
