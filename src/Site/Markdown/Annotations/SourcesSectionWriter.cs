using System.Globalization;
using Markdig.Renderers;

namespace Site.Markdown.Annotations;

/// <summary>
/// Writes the article's "Sources" section: every cited source once, in order of first citation, with
/// its publisher, title, date, an archived copy when there is one, and links back to the notes citing it.
/// </summary>
internal static class SourcesSectionWriter
{
    public static void Write(HtmlRenderer renderer, string slug, IReadOnlyList<CitedSource> sources)
    {
        if (sources.Count == 0)
        {
            return;
        }
        renderer.Write("<section class=\"sources\" aria-labelledby=\"").WriteEscape(slug).Write("--sources\">\n")
            .Write("<h2 id=\"").WriteEscape(slug).Write("--sources\">Sources</h2>\n")
            .Write("<ol class=\"sources-list\">\n");
        foreach (var (source, citedBy) in sources)
        {
            renderer.Write("<li class=\"source\" id=\"").WriteEscape(slug).Write("--source-").WriteEscape(source.Key).Write("\">")
                .Write("<span class=\"source-publisher\">").WriteEscape(source.Publisher).Write("</span>, ")
                .Write("<a class=\"source-title\" href=\"").WriteEscapeUrl(source.Url).Write("\">").WriteEscape(source.Title).Write("</a>");
            if (source.DateDisplay is { } date)
            {
                renderer.Write(", <time datetime=\"").WriteEscape(source.Date).Write("\">").WriteEscape(date).Write("</time>");
            }
            renderer.Write(".");
            if (source.Archive is { } archive)
            {
                renderer.Write(" <a class=\"source-archive\" href=\"").WriteEscapeUrl(archive).Write("\">Archived copy</a>.");
            }
            renderer.Write(" <span class=\"source-cited\">Cited in ").Write(citedBy.Count == 1 ? "note" : "notes");
            for (var i = 0; i < citedBy.Count; i++)
            {
                var number = citedBy[i].Number.ToString(CultureInfo.InvariantCulture);
                renderer.Write(i == 0 ? " " : ", ")
                    .Write("<a class=\"source-back\" href=\"#").WriteEscape(citedBy[i].Id).Write("\" aria-label=\"Note ").Write(number)
                    .Write("\">").Write(number).Write("</a>");
            }
            renderer.Write(".</span></li>\n");
        }
        renderer.Write("</ol>\n</section>\n");
    }
}
