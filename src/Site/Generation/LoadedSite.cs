using Site.Content;
using Site.Diagnostics;
using Site.Localization;
using Site.Templating;

namespace Site.Generation;

/// <summary>Everything a build reads before it renders anything: the content (front matter only; bodies
/// are read one at a time as they are rendered), the settings with the command line's overrides, the templates.</summary>
internal sealed record LoadedSite(BuildOptions Options, SiteContent Content, SiteConfig Config, TemplateSet Templates, SiteStrings Strings)
{
    private const string PageTemplatePrefix = "page-";

    private static readonly string[] RequiredTemplates = [TemplateSet.Layout, TemplateSet.Article, TemplateSet.Index];

    public static LoadedSite Load(BuildOptions options, DiagnosticBag diagnostics, RenderCache? cache)
    {
        var publishing = new Publishing(options.Drafts, options.Future, options.Now ?? DateTimeOffset.UtcNow);
        var content = ContentLoader.Load(options.ContentDir, publishing, diagnostics, cache?.Articles);
        BuildPhases.End("content loaded");
        var config = options.BaseUrl is { } baseUrl ? content.Config with { BaseUrl = baseUrl } : content.Config;
        var templates = TemplateSet.Load(options.TemplatesDir, RequiredTemplates, LoopLimitFor([.. content.Articles, .. content.HeldBack]), config.DefaultTheme, diagnostics);
        ReportUnusedTemplates(templates, content.Articles, diagnostics);
        var strings = SiteStrings.Load(options.TemplatesDir, options.ContentDir, diagnostics);
        strings.ReportGaps(LanguageUses(content, config, options.ContentDir), diagnostics);
        var newest = content.Articles.Where(a => !a.IsPage).OrderByDescending(a => a.Date.Value).ThenBy(a => a.Slug, StringComparer.Ordinal).ToList();
        return new LoadedSite(options, content, config, templates, strings)
        {
            Newest = newest,
            Tags = TagIndex.Build(newest, diagnostics),
            Translations = TranslationIndex.Build(content.Articles, content.HeldBack, config.Language, diagnostics),
        };
    }

    /// <summary>Every article, newest first (ties by slug, for stable output); not the standalone pages.</summary>
    public IReadOnlyList<Article> Newest { get; init; } = [];

    /// <summary>Every tag, by slug.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>Which published articles translate which.</summary>
    public TranslationIndex Translations { get; init; } = TranslationIndex.Empty;

    /// <summary>An article's language: its own, or the site's.</summary>
    public string LanguageOf(Article article) => article.Language ?? Config.Language;

    /// <summary><c>article.translations</c>: the article and its published translations, each named in its own
    /// language; empty for an article without any.</summary>
    public IReadOnlyList<TranslationModel> TranslationsOf(Article article) => Translations.Of(article) is { Count: > 0 } group
        ? [.. group.Select(t => TranslationModel.From(t, LanguageOf(t), Strings.Text(LanguageOf(t)).Strings, Config))]
        : [];

    private static IEnumerable<(string Language, FilePosition At)> LanguageUses(SiteContent content, SiteConfig config, string contentDir) =>
        content.Articles.Where(a => a.Language is not null)
            .Select(a => (a.Language!, new FilePosition(a.File, a.LanguagePosition.Line, a.LanguagePosition.Column)))
            .Prepend((config.Language, new FilePosition(SitePath.Display(Path.Combine(contentDir, SiteConfig.FileName)))));


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
