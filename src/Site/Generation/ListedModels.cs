using System.Collections.Concurrent;
using Site.Content;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// One build's listed articles: each article's model, made once however many listings show it, and its
/// <see cref="Listed.Key">key</see>, what a listing's fingerprint takes it by.
/// </summary>
/// <param name="cache">Keeps the models between a preview session's builds.</param>
internal sealed class ListedModels(LoadedSite site, RenderCache? cache)
{
    /// <summary>By instance: an article is one object per build, and the record's own hash would take every
    /// field of it on each of the thousands of lookups.</summary>
    private readonly ConcurrentDictionary<Article, Listed> _listed = new((IEqualityComparer<Article>)ReferenceEqualityComparer.Instance);

    private readonly Lock _cacheLock = new();

    public ArticleModel ModelOf(Article article) => Of(article).Model.Value;

    /// <summary>Whether a page of the article's shows a draft: the article, or one of its translations.</summary>
    public bool ShowsDraft(Article article) => article.Draft || Of(article).Translations.Any(t => t.Draft);

    /// <summary>The article's entry: its key, model and, once a listing's fingerprint needed it, its model's digest.</summary>
    public Listed Of(Article article) => _listed.GetOrAdd(article, a => new Listed(a, site.TranslationsOf(a), this));

    /// <summary>Models are made as listing pages are published, in parallel. The preview's cache keeps them in a
    /// plain dictionary, so one thread at a time goes through it; a publish build's would keep them only until
    /// the process ends, so it is not asked.</summary>
    private ArticleModel Make(Article article, string shown, IReadOnlyList<TranslationModel> translations)
    {
        ArticleModel Made() => ArticleModel.From(article, site.Config, site.Strings.Text(site.LanguageOf(article)), translations);
        if (cache is null || cache.KeepsFiles)
        {
            return Made();
        }
        lock (_cacheLock)
        {
            return cache.ModelOf(article, shown, Made);
        }
    }

    internal sealed class Listed
    {
        public Listed(Article article, IReadOnlyList<TranslationModel> translations, ListedModels models)
        {
            Translations = translations;
            var shown = string.Join("\n", Translations);
            Key = new Fingerprint().Add(article.File).Add(article.FullPath).Add(article.ContentPath).Add(article.Url).Add(article.Digest).Add(shown).FinishBytes();
            Model = new(() => models.Make(article, shown, translations));
        }

        public IReadOnlyList<TranslationModel> Translations { get; }

        /// <summary>What the article's model is made from besides the <see cref="RenderInputs"/> (settings, strings),
        /// which stale every kept listing when they change: the file, by its digest and where it is, and its
        /// translations. The article page's cache entry is keyed the same way (<see cref="RenderCache.TryGet"/>).
        /// Digesting this costs a fraction of digesting the model, and needs no model made.</summary>
        public byte[] Key { get; }

        public Lazy<ArticleModel> Model { get; }

        /// <summary>Set by <see cref="ListingFingerprints"/> for the other listings that show the article. Two
        /// threads may both set it, to the same digest.</summary>
        public byte[]? Digest { get; set; }
    }
}
