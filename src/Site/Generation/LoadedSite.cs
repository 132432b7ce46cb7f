using Site.Content;
using Site.Diagnostics;
using Site.Templating;

namespace Site.Generation;

/// <summary>Everything a build reads before it renders anything: the content (front matter only; bodies
/// are read one at a time as they are rendered), the settings with the command line's overrides, the templates.</summary>
internal sealed record LoadedSite(BuildOptions Options, SiteContent Content, SiteConfig Config, TemplateSet Templates)
{
    private const string PageTemplatePrefix = "page-";

    private static readonly string[] RequiredTemplates = [TemplateSet.Layout, TemplateSet.Article, TemplateSet.Index];

    public static LoadedSite Load(BuildOptions options, DiagnosticBag diagnostics, RenderCache? cache)
    {
        var publishing = new Publishing(options.Drafts, options.Future, options.Now ?? DateTimeOffset.UtcNow);
        var content = ContentLoader.Load(options.ContentDir, publishing, diagnostics, cache?.Articles);
        var config = options.BaseUrl is { } baseUrl ? content.Config with { BaseUrl = baseUrl } : content.Config;
        var templates = TemplateSet.Load(options.TemplatesDir, RequiredTemplates, LoopLimitFor([.. content.Articles, .. content.HeldBack]), config.DefaultTheme, diagnostics);
        ReportUnusedTemplates(templates, content.Articles, diagnostics);
        return new LoadedSite(options, content, config, templates);
    }

    /// <summary>A template at the top of templates/ that nothing renders (an about.html beside the
    /// layout, say) would be ignored without a word: Site makes pages from content/pages/ instead. A
    /// theme's page-*.html are templates pages may choose, so a site need not use them all.</summary>
    private static void ReportUnusedTemplates(TemplateSet templates, IReadOnlyList<Article> articles, DiagnosticBag diagnostics)
    {
        var used = RequiredTemplates.Concat(ListingPages.Templates).Append(TemplateSet.Page)
            .Concat(articles.Select(a => a.Template).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var name in templates.TopLevel.Where(name => !used.Contains(name) && !name.StartsWith(PageTemplatePrefix, StringComparison.Ordinal)))
        {
            diagnostics.Report(DiagnosticCode.UnusedTemplate, new FilePosition(templates.DisplayPath(name)),
                $"template '{name}' is not used: pages come from Markdown in content/pages/, rendered with page.html or a page-*.html their front matter names ('template: page-{Path.GetFileNameWithoutExtension(name)}'); move a template you include into partials/");
        }
    }

    /// <summary>Scriban's loop limit is one budget shared by nested loops; an index over every article and
    /// its tags must fit, however large the site.</summary>
    private static int LoopLimitFor(IReadOnlyList<Article> articles) =>
        1000 + (4 * (articles.Count + articles.Sum(a => a.Tags.Count)));
}
