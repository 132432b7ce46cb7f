using Site.Diagnostics;
using Site.Templating;

namespace Site.Generation;

/// <summary>Renders pages from templates: the typed models made into template globals, the page's template,
/// then layout.html around it. Renders nothing while the templates have errors (they are reported).</summary>
internal sealed class PageRenderer(TemplateSet templates, SiteModel site, Localization.SiteStrings strings)
{
    private readonly ScriptModel _models = new(site, strings);

    /// <summary>An HTML page, UTF-8: the template's output inside layout.html, or null (reported) on failure.</summary>
    public byte[]? RenderPage(string template, PageGlobals page, DiagnosticBag diagnostics)
    {
        if (templates.HasErrors)
        {
            return null;
        }
        var globals = _models.Globals(page);
        if (templates.Render(template, globals, page.Page.Url, diagnostics) is not { } content)
        {
            return null;
        }
        ScriptModel.SetContent(globals, content);
        return templates.RenderUtf8(TemplateSet.Layout, globals, page.Page.Url, diagnostics);
    }

    /// <summary>A text file, UTF-8: the template's output alone, or null (reported) on failure.</summary>
    public byte[]? RenderText(string template, PageGlobals page, DiagnosticBag diagnostics) =>
        templates.HasErrors ? null : templates.RenderUtf8(template, _models.Globals(page), page.Page.Url, diagnostics);

    /// <returns>The bytes written (null when nothing was), and the page's ids and links when they are checked.</returns>
    public (byte[]? Written, LinkChecker.PageLinks? Links) Render(PageJob job, PageWriter pages, DiagnosticBag diagnostics)
    {
        switch (job.Kind)
        {
            case PageKind.Page when RenderPage(job.Template, job.Globals, diagnostics) is { } html:
                var page = pages.Encode(html);
                var links = pages.Links.Scan(job.Path, html, templates.DisplayPath(job.Template), []);
                pages.WritePage(job.Path, page, links);
                return (page, links);
            case PageKind.NotFound when RenderPage(job.Template, job.Globals, diagnostics) is { } html:
                var notFound = pages.Encode(html);
                pages.WriteNotFoundPage(job.Path, notFound);
                return (notFound, null);
            case PageKind.Text when RenderText(job.Template, job.Globals, diagnostics) is { } file:
                pages.WriteFile(job.Path, file);
                return (file, null);
            default:
                // Its own error is reported: links to the page are not also reported, as missing.
                pages.Failed(job.Path);
                return (null, null);
        }
    }

    /// <summary>Writes a listing the preview's cache kept, as <see cref="Render"/> wrote it.</summary>
    public static void Write(PageJob job, byte[] content, LinkChecker.PageLinks? links, PageWriter pages)
    {
        switch (job.Kind)
        {
            case PageKind.Page:
                pages.WritePage(job.Path, content, links!);
                break;
            case PageKind.NotFound:
                pages.WriteNotFoundPage(job.Path, content);
                break;
            default:
                pages.WriteFile(job.Path, content);
                break;
        }
    }
}
