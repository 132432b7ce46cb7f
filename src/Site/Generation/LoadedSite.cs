using Site.Content;
using Site.Diagnostics;
using Site.Templating;

namespace Site.Generation;

/// <summary>Everything a build reads before it renders anything: the content (front matter only; bodies
/// are read one at a time as they are rendered), the settings with the command line's overrides, the templates.</summary>
internal sealed record LoadedSite(BuildOptions Options, SiteContent Content, SiteConfig Config, TemplateSet Templates)
{
    private static readonly string[] RequiredTemplates = [TemplateSet.Layout, TemplateSet.Article, TemplateSet.Index];

    public static LoadedSite Load(BuildOptions options, DiagnosticBag diagnostics, RenderCache? cache)
    {
        var publishing = new Publishing(options.Drafts, options.Future, options.Now ?? DateTimeOffset.UtcNow);
        var content = ContentLoader.Load(options.ContentDir, publishing, diagnostics, cache?.Articles);
        var config = options.BaseUrl is { } baseUrl ? content.Config with { BaseUrl = baseUrl } : content.Config;
        var templates = TemplateSet.Load(options.TemplatesDir, RequiredTemplates, LoopLimitFor([.. content.Articles, .. content.HeldBack]), config.DefaultTheme, diagnostics);
        return new LoadedSite(options, content, config, templates);
    }

    /// <summary>What every article page depends on besides its own file: the render cache's key.</summary>
    public RenderInputs RenderInputs() =>
        new(Templates.Fingerprint, Config, Config.BaseUrl?.AbsoluteUri, Options.PageInjection, SourceRegistry.Fingerprint(Content.Sources));

    /// <summary>Scriban's loop limit is one budget shared by nested loops; an index over every article and
    /// its tags must fit, however large the site.</summary>
    private static int LoopLimitFor(IReadOnlyList<Article> articles) =>
        1000 + (4 * (articles.Count + articles.Sum(a => a.Tags.Count)));
}
