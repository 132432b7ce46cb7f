using Site.Content;

namespace Site.Templating;

/// <summary><c>site</c> in every template: the settings of site.yml, HTML-escaped.</summary>
/// <param name="Verdicts">The desk's verdict scale, best first; empty when site.yml defines none.</param>
/// <param name="Menu">The layout's navigation, in the order of site.yml.</param>
internal sealed record SiteModel(string Title, string Language, string? Author, string? Description, string? BaseUrl, IReadOnlyList<VerdictModel>? Verdicts = null, IReadOnlyList<MenuModel>? Menu = null)
{
    public static SiteModel From(SiteConfig config) => new(
        Html.Escape(config.Title), Html.Escape(config.Language), Html.Escape(config.Author), Html.Escape(config.Description), Html.Escape(config.BaseUrl?.AbsoluteUri),
        [.. (config.Verdicts?.Verdicts ?? []).OrderByDescending(v => v.Rating).Select(v => new VerdictModel(Html.Escape(v.Name)!, Html.Escape(v.Meaning)!, v.Rating))],
        [.. config.Menu.Items.Select(m => new MenuModel(Html.Escape(m.Title)!, Html.Escape(m.Url)!))]);
}

/// <summary>Each of <c>site.verdicts</c>, for a methodology page: a verdict's name, meaning and rating.</summary>
internal sealed record VerdictModel(string Name, string Meaning, int Rating);

/// <summary>Each of <c>site.menu</c>: a link of the layout's navigation; <c>url</c> is a path from the site root.</summary>
internal sealed record MenuModel(string Title, string Url);
