using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Templating;

namespace Site.Markdown.Figures;

/// <summary>
/// Writes images: a local one as a <c>picture</c> with its WebP and sized variants, <c>width</c> and
/// <c>height</c> (no layout shift), and <c>loading="lazy"</c> from the second image on (the first is
/// likely above the fold); any other image as Markdig writes it. Links are left to Markdig.
/// </summary>
internal sealed class ImageRenderer(LinkInlineRenderer inner) : HtmlObjectRenderer<LinkInline>
{
    /// <summary>The text column is at most about 40rem wide; below that the image fills the screen's width.</summary>
    private const string Sizes = "(min-width: 42rem) 40rem, 100vw";

    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (!link.IsImage || renderer is not ArticleHtmlRenderer article)
        {
            ((IMarkdownObjectRenderer)inner).Write(renderer, link);
            return;
        }
        var eager = article.ImagesWritten++ == 0;
        var alt = Html.Escape(ImageCollector.AltText(link));
        if (!article.Images.TryGetValue(link, out var image))
        {
            renderer.Write("<img src=\"").WriteEscapeUrl(link.GetDynamicUrl?.Invoke() ?? link.Url).Write("\" alt=\"").Write(alt).Write('"');
            if (!string.IsNullOrEmpty(link.Title) && !FigureRenderer.IsFigure(link))
            {
                renderer.Write(" title=\"").Write(Html.Escape(link.Title)).Write('"');
            }
            renderer.Write(eager ? "" : " loading=\"lazy\"").Write(" decoding=\"async\">");
            return;
        }
        var picture = image.WebP.Count > 0;
        if (picture)
        {
            renderer.Write("<picture><source type=\"image/webp\" srcset=\"").Write(SrcSet(image.WebP)).Write('"');
            renderer.Write(image.WebP.Count > 1 ? $" sizes=\"{Sizes}\">" : ">");
        }
        renderer.Write("<img src=\"").Write(Html.Escape(image.Src)).Write('"');
        if (image.Candidates.Count > 1)
        {
            renderer.Write(" srcset=\"").Write(SrcSet(image.Candidates)).Write("\" sizes=\"").Write(Sizes).Write('"');
        }
        renderer.Write(string.Create(CultureInfo.InvariantCulture, $" width=\"{image.Width}\" height=\"{image.Height}\""));
        renderer.Write(" alt=\"").Write(alt).Write('"');
        renderer.Write(eager ? "" : " loading=\"lazy\"").Write(" decoding=\"async\">");
        renderer.Write(picture ? "</picture>" : "");
    }

    private static string SrcSet(IEnumerable<ImageCandidate> candidates) =>
        string.Join(", ", candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{Html.Escape(c.Url)} {c.Width}w")));
}

/// <summary>
/// A paragraph that holds one image with a title, and nothing else, is a figure: the image, then its
/// caption and credit (see <see cref="Caption"/>). Every other paragraph is Markdig's.
/// </summary>
internal sealed class FigureRenderer(ParagraphRenderer inner) : HtmlObjectRenderer<ParagraphBlock>
{
    public static bool IsFigure(LinkInline image) =>
        !string.IsNullOrWhiteSpace(image.Title) && image.Parent is { } container && container.ParentBlock is ParagraphBlock
        && container.All(inline => inline == image || inline is LineBreakInline || (inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()));

    protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
    {
        if (paragraph.Inline?.FirstOrDefault(i => i is LinkInline { IsImage: true }) is not LinkInline image || !IsFigure(image))
        {
            ((IMarkdownObjectRenderer)inner).Write(renderer, paragraph);
            return;
        }
        var caption = Caption.Parse(image.Title!);
        renderer.EnsureLine();
        renderer.Write("<figure class=\"figure\">");
        renderer.Write(image);
        renderer.Write("<figcaption>");
        if (caption.Text is { } text)
        {
            renderer.Write(Html.Escape(text));
        }
        if (caption.Credit is { } credit)
        {
            renderer.Write(caption.Text is null ? "" : " ").Write("<small class=\"credit\">").Write(Html.Escape(credit)).Write("</small>");
        }
        renderer.Write("</figcaption></figure>\n");
    }
}

/// <summary>Swaps Markdig's image and paragraph renderers for <see cref="ImageRenderer"/> and <see cref="FigureRenderer"/>.</summary>
internal sealed class FigureExtension : Markdig.IMarkdownExtension
{
    public void Setup(Markdig.MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(Markdig.MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not ArticleHtmlRenderer html)
        {
            return;
        }
        if (html.ObjectRenderers.Find<LinkInlineRenderer>() is { } links)
        {
            html.ObjectRenderers.Replace<LinkInlineRenderer>(new ImageRenderer(links));
        }
        if (html.ObjectRenderers.Find<ParagraphRenderer>() is { } paragraphs)
        {
            html.ObjectRenderers.Replace<ParagraphRenderer>(new FigureRenderer(paragraphs));
        }
    }
}
