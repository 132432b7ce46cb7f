using Site.Content;

namespace Site.Templating;

/// <summary><c>site</c> in every template: the settings of site.yml, HTML-escaped.</summary>
internal sealed record SiteModel(string Title, string Language, string? Author, string? Description, string? BaseUrl)
{
    public static SiteModel From(SiteConfig config) => new(
        Html.Escape(config.Title), Html.Escape(config.Language), Html.Escape(config.Author), Html.Escape(config.Description), Html.Escape(config.BaseUrl?.AbsoluteUri));
}
