using Scriban.Runtime;
using Site.Content;
using Site.Markdown;

namespace Site.Templating;

/// <summary>
/// Builds what templates see. Every value that came from content is HTML-escaped here, once, so a
/// template cannot forget to; only <c>body</c> and <c>notes</c> are HTML, and our renderer wrote them.
/// Keys are snake_case, Scriban's convention.
/// </summary>
internal static class PageModel
{
    public static ScriptObject Site(SiteConfig config) => new()
    {
        ["title"] = Html.Escape(config.Title),
        ["language"] = Html.Escape(config.Language),
        ["author"] = Escape(config.Author),
        ["description"] = Escape(config.Description),
        ["base_url"] = Escape(config.BaseUrl?.AbsoluteUri),
    };

    /// <summary>An article for listings and for its own page (with <paramref name="rendered"/>).</summary>
    public static ScriptObject Article(Article article, SiteConfig config, RenderedArticle? rendered = null)
    {
        var model = new ScriptObject
        {
            ["title"] = Html.Escape(article.Title),
            ["slug"] = article.Slug,
            ["url"] = article.Slug + "/",
            ["permalink"] = Escape(Permalink(config, article.Slug + "/")),
            ["date"] = article.Date.ToIso(),
            ["date_rfc3339"] = article.Date.ToRfc3339(),
            ["date_display"] = article.Date.ToDisplay(),
            ["summary"] = Escape(article.Summary),
            ["author"] = Escape(article.Author ?? config.Author),
            ["tags"] = Array(article.Tags.Select(Html.Escape)),
            ["draft"] = article.Draft,
            ["source"] = article.Source is { } source
                ? new ScriptObject { ["name"] = Html.Escape(source.Name), ["url"] = Html.Escape(source.Url) }
                : null,
        };
        if (rendered is not null)
        {
            model["json_ld"] = StructuredData.ForArticle(article, config, Permalink(config, article.Slug + "/"), rendered.Annotations);
            model["body"] = rendered.BodyHtml;
            model["notes"] = rendered.NotesHtml;
            model["sources"] = rendered.SourcesHtml;
            model["note_count"] = rendered.Notes.Count;
        }
        return model;
    }

    /// <summary>The globals of one page: site, page and whatever the page template lists.</summary>
    /// <param name="root">Relative path from the page back to the site root ("" or "../"), so links work
    /// under any base path and from disk.</param>
    public static ScriptObject Page(ScriptObject site, string title, string? description, string url, string root, SiteConfig config)
    {
        var page = new ScriptObject
        {
            ["title"] = title,
            ["description"] = description,
            ["url"] = url,
            ["root"] = root,
            ["canonical"] = Escape(Permalink(config, url)),
        };
        // Page templates test "if article"; under strict variables the name must exist, even as null.
        return new ScriptObject { ["site"] = site, ["page"] = page, ["article"] = null };
    }

    public static string? Permalink(SiteConfig config, string url) =>
        config.BaseUrl is { } baseUrl ? new Uri(baseUrl, url).AbsoluteUri : null;

    public static ScriptArray Array<T>(IEnumerable<T> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }

    private static string? Escape(string? value) => value is null ? null : Html.Escape(value);
}
