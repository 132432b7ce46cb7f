using Markdig.Renderers;
using Site.Localization;
using Site.Markdown.Annotations;
using Site.Templating;

namespace Site.Markdown.Citations;

/// <summary>
/// Writes the article's "Sources" section: every cited source once, in order of first citation, with
/// its publisher, title, date, an archived copy when there is one, and links back to the notes citing it.
/// </summary>
internal static class SourcesSectionWriter
{
    public static void Write(HtmlRenderer renderer, AnnotationSet annotations, PageText strings)
    {
        if (annotations.Sources.Count == 0)
        {
            return;
        }
        var ids = annotations.Ids;
        SectionWriter.Open(renderer, "sources", ids.SourcesSection, strings.SourcesHeading);
        foreach (var (source, citedBy) in annotations.Sources)
        {
            renderer.Write("<li class=\"source\" id=\"").WriteEscape(ids.Source(source.Key)).Write("\">")
                .Write("<span class=\"source-publisher\">").WriteEscape(source.Publisher).Write("</span>, ")
                .Write("<a class=\"source-title\" href=\"").WriteEscapeUrl(source.Url).Write("\">").WriteEscape(source.Title).Write("</a>");
            if (strings.PartialDate(source.Date) is { } date)
            {
                renderer.Write(", <time datetime=\"").WriteEscape(source.Date).Write("\">").WriteEscape(date).Write("</time>");
            }
            renderer.Write(".");
            if (source.Archive is { } archive)
            {
                renderer.Write(" <a class=\"source-archive\" href=\"").WriteEscapeUrl(archive).Write("\">").WriteEscape(strings.ArchivedCopy).Write("</a>.");
            }
            var links = citedBy.Select(note => $"<a class=\"source-back\" href=\"#{Html.Escape(ids.Note(note.Label))}\" aria-label=\"{Html.Escape(strings.NoteName(note.Number))}\">{Html.Escape(strings.Number(note.Number))}</a>").ToList();
            renderer.Write(" <span class=\"source-cited\">").Write(strings.CitedInHtml(links)).Write("</span></li>\n");
        }
        SectionWriter.Close(renderer);
    }
}
