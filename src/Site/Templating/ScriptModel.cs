using Scriban.Runtime;
using Site.Localization;

namespace Site.Templating;

/// <summary>
/// Turns the typed models into what Scriban reads: ScriptObjects with snake_case keys, filled field by
/// field (no reflection-based import, so NativeAOT stays safe), and for the models a site has thousands of
/// (articles, claims) an <see cref="ArticleObject"/> or <see cref="ClaimObject"/> that reads the record. The
/// only places template names are written; the README's table of them is checked against these.
/// </summary>
internal sealed class ScriptModel(SiteModel site, SiteStrings strings)
{
    /// <summary>Sized for every key the models get, so no page's object grows its table key by key.</summary>
    private const int GlobalsCapacity = 16;

    /// <summary>Shared, read-only, by every page of the build.</summary>
    private readonly ScriptObject _site = Freeze(new ScriptObject
    {
        ["title"] = site.Title,
        ["language"] = site.Language,
        ["author"] = site.Author,
        ["description"] = site.Description,
        ["base_url"] = site.BaseUrl,
        ["verdicts"] = Array((site.Verdicts ?? []).Select(v => new ScriptObject { ["name"] = v.Name, ["meaning"] = v.Meaning, ["rating"] = v.Rating })),
        ["menu"] = Array((site.Menu ?? []).Select(m => new ScriptObject { ["title"] = m.Title, ["url"] = m.Url })),
    });

    /// <summary>A list is converted once, however many pages show it (10,000 articles make 10,000 objects; every
    /// listing page shows the site's tags and months).</summary>
    private readonly Dictionary<object, ScriptArray> _listings = new(ReferenceEqualityComparer.Instance);

    /// <summary>And each listed article once, however many listings hold it: the index, its tags, its month.</summary>
    private readonly Dictionary<ArticleModel, ArticleObject> _listed = new(ReferenceEqualityComparer.Instance);

    public ScriptObject Globals(PageGlobals page)
    {
        // Page templates test "if article"; under strict variables the name must exist, even as null.
        var globals = new ScriptObject(GlobalsCapacity) { ["site"] = _site, ["page"] = Page(page.Page), ["article"] = page.Article is null ? null : new ArticleObject(page.Article) };
        globals["t"] = strings.Template(page.Language ?? site.Language);
        globals["tag"] = page.Tag is null ? null : Tag(page.Tag);
        globals["fact_checks"] = page.FactChecks is null ? null : Array(page.FactChecks.Select(VerdictGroup));
        globals["month"] = page.Month is null ? null : Month(page.Month);
        globals["pager"] = page.Pager is not { } pager ? null : new ScriptObject
        {
            ["number"] = pager.Number, ["count"] = pager.Count, ["first_url"] = pager.First, ["prev_url"] = pager.Prev, ["next_url"] = pager.Next,
        };
        if (page.Listing is { } listing)
        {
            globals["articles"] = Articles(listing);
            globals["pages"] = Pages(listing);
            globals["updated"] = listing.Updated;
            globals["tags"] = Converted(listing.Tags, Tag);
            globals["archive"] = Converted(listing.Archive, Month);
        }
        return globals;
    }

    /// <summary>Hands a page template's output to layout.html, as <c>content</c>.</summary>
    public static void SetContent(ScriptObject globals, string content) => globals["content"] = content;

    private static ScriptObject Page(PageModel page) => new()
    {
        ["title"] = page.Title,
        ["description"] = page.Description,
        ["url"] = page.Url,
        ["root"] = page.Root,
        ["canonical"] = page.Canonical,
    };

    private static ScriptObject VerdictGroup(VerdictGroupModel group) => new()
    {
        ["verdict"] = group.Verdict,
        ["meaning"] = group.Meaning,
        ["rating"] = group.Rating,
        ["id"] = group.Id,
        ["count"] = group.Count,
        ["bar"] = group.Bar,
        ["claims"] = Array(group.Claims.Select(c => new ClaimObject(c))),
    };

    private static ScriptObject Month(ArchiveMonthModel month) => new()
    {
        ["year"] = month.Year,
        ["month"] = month.Month,
        ["name"] = month.Name,
        ["url"] = month.Url,
        ["count"] = month.Count,
    };

    private static ScriptObject Tag(TagModel tag) => new()
    {
        ["name"] = tag.Name,
        ["slug"] = tag.Slug,
        ["url"] = tag.Url,
        ["permalink"] = tag.Permalink,
        ["feed_url"] = tag.FeedUrl,
        ["count"] = tag.Count,
    };

    private ScriptArray Articles(ListingModel listing) => Converted(listing.Articles, Listed);

    private ScriptArray Pages(ListingModel listing) => Converted(listing.Pages, Listed);

    private ScriptArray Converted<T>(IReadOnlyList<T> list, Func<T, IScriptObject> convert)
    {
        lock (_listings)
        {
            if (!_listings.TryGetValue(list, out var array))
            {
                // Sized and filled by index: a tag's feed holds each of the tag's articles, thousands on a large site.
                array = new ScriptArray(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    array.Add(convert(list[i]));
                }
                _listings.Add(list, array);
            }
            return array;
        }
    }

    /// <summary>Called under the lock of <see cref="Converted"/>.</summary>
    private ArticleObject Listed(ArticleModel article)
    {
        if (!_listed.TryGetValue(article, out var model))
        {
            model = new ArticleObject(article);
            _listed.Add(article, model);
        }
        return model;
    }

    /// <summary>By index: a list's enumerator, taken as an interface, would be one more object per list.</summary>
    public static ScriptArray Array<T>(IReadOnlyList<T> items)
    {
        var array = new ScriptArray(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.Add(items[i]);
        }
        return array;
    }

    public static ScriptArray Array<T>(IEnumerable<T> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }

    private static ScriptObject Freeze(ScriptObject model)
    {
        model.IsReadOnly = true;
        return model;
    }
}
