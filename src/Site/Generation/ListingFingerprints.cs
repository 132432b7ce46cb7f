using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Site.Content;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// A fingerprint of everything a listing page's templates see besides what <see cref="RenderInputs"/>
/// covers (templates, strings, settings, Site): where it goes, its template, and its model, every field.
/// Flat model records are taken by their generated ToString, which names every field, so a field added
/// later is covered without anyone listing it here; lists inside a model are taken item by item (a test
/// fails when a model gains a list this does not walk). The records a site has thousands of, listed articles
/// (with their tag links) and claims, are taken field by field instead, and a test names each of their fields.
/// An article is fingerprinted once, however many listings show it.
/// </summary>
/// <param name="kept">Digests of article models, by instance: a preview session's cache
/// keeps them between builds, with the instances it keeps.</param>
/// <param name="listed">Digests of listed articles' models from the last publish build, by what each is made
/// from: an article found there is neither made into a model nor walked.</param>
internal sealed class ListingFingerprints(ConditionalWeakTable<object, byte[]> kept, ListedDigests? listed)
{
    /// <summary>Lists' digests, by list: most listings share the site-wide lists of tags, months, pages and
    /// articles, so each is walked once per build rather than once per listing. Listing pages are
    /// published in parallel.</summary>
    private readonly ConcurrentDictionary<object, byte[]> _lists = new(ReferenceEqualityComparer.Instance);

    public string Of(PageJob job)
    {
        var fingerprint = new Fingerprint().Add(job.Path).Add(job.Template).Add((int)job.Kind);
        var globals = job.Globals;
        fingerprint.Add(globals.Page.ToString()).Add(globals.Language).Add(globals.Tag?.ToString())
            .Add(globals.Pager?.ToString()).Add(globals.Month?.ToString());
        Add(fingerprint, globals.Article);
        if (globals.Listing is { } listing)
        {
            fingerprint.Add(listing.Updated)
                .Add(Digest(listing.Articles, ArticlesDigest))
                .Add(Digest(listing.Pages, ArticlesDigest))
                .Add(Digest(listing.Tags, EachDigest))
                .Add(Digest(listing.Archive, EachDigest));
        }
        if (globals.FactChecks is { } groups)
        {
            // The groups are made from the claims and the render inputs alone: their digest stands for them.
            fingerprint.Add(0).Add(((VerdictGroups)groups).Digest);
        }
        else
        {
            fingerprint.Add(-1);
        }
        return fingerprint.Finish();
    }

    private byte[] Digest<T>(T list, Func<T, byte[]> walk)
        where T : class
    {
        return _lists.GetOrAdd(list, _ => walk(list));
    }

    private byte[] ArticlesDigest(IReadOnlyList<ArticleModel> models)
    {
        var fingerprint = new Fingerprint().Add(models.Count);
        if (models is ListedArticles articles)
        {
            foreach (var article in articles.Articles)
            {
                var entry = articles.Models.Of(article);
                fingerprint.Add(entry.Digest ??= DigestOf(entry));
            }
            return fingerprint.FinishBytes();
        }
        foreach (var article in models)
        {
            Add(fingerprint, article);
        }
        return fingerprint.FinishBytes();
    }

    /// <summary>A listed article's digest, taken from the last publish build's when its key is there.</summary>
    private byte[] DigestOf(ListedModels.Listed entry)
    {
        if (listed is null || !listed.TryGet(entry.Key, out var digest))
        {
            digest = ModelDigest(entry.Model.Value);
            listed?.Set(entry.Key, digest);
        }
        return digest;
    }

    private static byte[] EachDigest<T>(IReadOnlyList<T> items)
        where T : notnull =>
        AddEach(new Fingerprint(), items).FinishBytes();

    private static Fingerprint AddEach<T>(Fingerprint fingerprint, IReadOnlyList<T> items)
        where T : notnull
    {
        fingerprint.Add(items.Count);
        foreach (var item in items)
        {
            fingerprint.Add(item.ToString());
        }
        return fingerprint;
    }

    private void Add(Fingerprint fingerprint, ArticleModel? article)
    {
        if (article is null)
        {
            fingerprint.Add(-1);
            return;
        }
        fingerprint.Add(ModelDigest(article));
    }

    private byte[] ModelDigest(ArticleModel article)
    {
        if (!kept.TryGetValue(article, out var digest))
        {
            // Field by field, not by ToString: every listed article is digested on a clean build, and its record's
            // ToString, with the tag links', was most of the cost. A test fails when ArticleModel or TagLinkModel
            // gains a field this leaves out; the records inside, seldom set, are still taken by their ToString.
            var own = new Fingerprint().Add(article.Title).Add(article.Slug).Add(article.Url).Add(article.Permalink).Add(article.Date)
                .Add(article.DateRfc3339).Add(article.DateDisplay).Add(article.Summary).Add(article.Author).Add(article.Draft ? 1 : 0)
                .Add(article.Source?.ToString()).Add(article.Page?.ToString()).Add(article.Kind).Add(article.KindLabel).Add(article.ModifiedRfc3339)
                .Add(article.CorrectionsId).Add(article.IsPage ? 1 : 0).Add(article.Language).Add(article.Tags.Count);
            foreach (var tag in article.Tags)
            {
                own.Add(tag);
            }
            AddEach(own.Add(article.Corrections is null ? -1 : 0), article.Corrections ?? []);
            own.Add(article.TagLinks is null ? -1 : article.TagLinks.Count);
            foreach (var link in article.TagLinks ?? [])
            {
                own.Add(link.Name).Add(link.Url);
            }
            AddEach(own.Add(article.Translations is null ? -1 : 0), article.Translations ?? []);
            digest = own.FinishBytes();
            kept.AddOrUpdate(article, digest);
        }
        return digest;
    }
}
