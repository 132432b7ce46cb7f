using System.Collections.Concurrent;
using Site.Content;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// A fingerprint of everything a listing page's templates see besides what <see cref="RenderInputs"/>
/// covers (templates, strings, settings, Site): where it goes, its template, and its model, every field.
/// Flat model records are taken by their generated ToString, which names every field, so a field added
/// later is covered without anyone listing it here; lists inside a model are taken item by item (a test
/// fails when a model gains a list this does not walk). An article is fingerprinted once, however many
/// listings show it.
/// </summary>
internal sealed class ListingFingerprints
{
    /// <summary>Listing pages are published in parallel.</summary>
    private readonly ConcurrentDictionary<ArticleModel, byte[]> _articles = new(ReferenceEqualityComparer.Instance);

    public string Of(PageJob job)
    {
        var fingerprint = new Fingerprint().Add(job.Path).Add(job.Template).Add((int)job.Kind);
        var globals = job.Globals;
        fingerprint.Add(globals.Page.ToString()).Add(globals.Language).Add(globals.Tag?.ToString())
            .Add(globals.Pager?.ToString()).Add(globals.Month?.ToString());
        Add(fingerprint, globals.Article);
        if (globals.Listing is { } listing)
        {
            fingerprint.Add(listing.Updated).Add(listing.Articles.Count);
            foreach (var article in listing.Articles)
            {
                Add(fingerprint, article);
            }
            fingerprint.Add(listing.Pages.Count);
            foreach (var page in listing.Pages)
            {
                Add(fingerprint, page);
            }
            AddEach(fingerprint, listing.Tags);
            AddEach(fingerprint, listing.Archive);
        }
        fingerprint.Add(globals.FactChecks?.Count ?? -1);
        foreach (var group in globals.FactChecks ?? [])
        {
            fingerprint.Add((group with { Claims = [] }).ToString());
            AddEach(fingerprint, group.Claims);
        }
        return fingerprint.Finish();
    }

    private static void AddEach<T>(Fingerprint fingerprint, IReadOnlyList<T> items)
        where T : notnull
    {
        fingerprint.Add(items.Count);
        foreach (var item in items)
        {
            fingerprint.Add(item.ToString());
        }
    }

    private void Add(Fingerprint fingerprint, ArticleModel? article)
    {
        if (article is null)
        {
            fingerprint.Add(-1);
            return;
        }
        if (!_articles.TryGetValue(article, out var digest))
        {
            var own = new Fingerprint().Add((article with { Tags = [], Corrections = null, TagLinks = null, Translations = null }).ToString());
            foreach (var tag in article.Tags)
            {
                own.Add(tag);
            }
            AddEach(own.Add(article.Corrections is null ? -1 : 0), article.Corrections ?? []);
            AddEach(own.Add(article.TagLinks is null ? -1 : 0), article.TagLinks ?? []);
            AddEach(own.Add(article.Translations is null ? -1 : 0), article.Translations ?? []);
            digest = own.FinishBytes();
            _articles[article] = digest;
        }
        fingerprint.Add(digest);
    }
}
