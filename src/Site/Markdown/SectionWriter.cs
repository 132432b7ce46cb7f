using Markdig.Renderers;

namespace Site.Markdown;

/// <summary>The frame of the sections that follow an article's body, Notes and Sources: a section named
/// by its heading, holding one ordered list.</summary>
internal static class SectionWriter
{
    public static void Open(HtmlRenderer renderer, string name, string id, string heading) =>
        renderer.Write("<section class=\"").Write(name).Write("\" aria-labelledby=\"").WriteEscape(id).Write("\">\n")
            .Write("<h2 id=\"").WriteEscape(id).Write("\">").WriteEscape(heading).Write("</h2>\n")
            .Write("<ol class=\"").Write(name).Write("-list\">\n");

    public static void Close(HtmlRenderer renderer) => renderer.Write("</ol>\n</section>\n");
}
