using System.Text;
using Site.Diagnostics;
using Site.Templating;

namespace Site.Generation;

/// <summary>Renders pages from templates: the typed models made into template globals, the page's template,
/// then layout.html around it. Renders nothing while the templates have errors (they are reported).</summary>
internal sealed class PageRenderer(TemplateSet templates, SiteModel site, Localization.SiteStrings strings)
{
    private readonly ScriptModel _models = new(site, strings);

    /// <summary>An HTML page: the template's output inside layout.html, or null (reported) on failure.</summary>
    public string? RenderPage(string template, PageGlobals page, DiagnosticBag diagnostics)
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
        return templates.Render(TemplateSet.Layout, globals, page.Page.Url, diagnostics);
    }

    /// <summary>A text file: the template's output alone, or null (reported) on failure.</summary>
    public string? RenderText(string template, PageGlobals page, DiagnosticBag diagnostics) =>
        templates.HasErrors ? null : templates.Render(template, _models.Globals(page), page.Page.Url, diagnostics);

    /// <returns>Whether the page was written, and its ids and links when they are checked.</returns>
    public (bool Written, LinkChecker.PageLinks? Links) Render(PageJob job, PageWriter pages, DiagnosticBag diagnostics)
    {
        switch (job.Kind)
        {
            case PageKind.Page when RenderPage(job.Template, job.Globals, diagnostics) is { } html:
                return (true, pages.WritePage(job.Path, html, templates.DisplayPath(job.Template)));
            case PageKind.NotFound when RenderPage(job.Template, job.Globals, diagnostics) is { } html:
                pages.WriteNotFoundPage(job.Path, html);
                return (true, null);
            case PageKind.Text when RenderText(job.Template, job.Globals, diagnostics) is { } text:
                pages.WriteFile(job.Path, Encoding.UTF8.GetBytes(text));
                return (true, null);
            default:
                // Its own error is reported: links to the page are not also reported, as missing.
                pages.Failed(job.Path);
                return (false, null);
        }
    }
}
