using Markdig.Renderers;
using Site.Localization;
using Site.Markdown.Annotations;

namespace Site.Markdown;

/// <summary>The HTML renderer of one article: it carries what the article's own renderers need, its
/// resolved annotations and the words to write, to the extensions that register them.</summary>
internal sealed class ArticleHtmlRenderer(TextWriter writer, AnnotationSet annotations, PageText strings) : HtmlRenderer(writer)
{
    public AnnotationSet Annotations { get; } = annotations;

    public PageText Text { get; } = strings;
}
