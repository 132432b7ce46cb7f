using Site.Diagnostics;

namespace Site.Content;

/// <summary>
/// Articles that are translations of one another: those whose front matter gives the same
/// <c>translation_key</c>, one per language. Checked over every article, held-back ones included, so a
/// translation still a draft or waiting for its date is no error; linked among the published ones only,
/// so a page never links to one that is not there.
/// </summary>
internal sealed class TranslationIndex
{
    private const string Key = "translation_key";

    private readonly Dictionary<string, IReadOnlyList<Article>> _byFile;

    private TranslationIndex(Dictionary<string, IReadOnlyList<Article>> byFile) => _byFile = byFile;

    /// <summary>No article has translations.</summary>
    public static TranslationIndex Empty { get; } = new([]);

    /// <summary>Reports a key no other article has (SITE096) and two articles of one language under one key
    /// (SITE095), at the key.</summary>
    /// <param name="published">The articles and pages this build publishes.</param>
    /// <param name="heldBack">Drafts and future-dated articles it does not: they count as translations
    /// that exist, but are not linked.</param>
    public static TranslationIndex Build(IReadOnlyList<Article> published, IReadOnlyList<Article> heldBack, string siteLanguage, DiagnosticBag diagnostics)
    {
        var isPublished = published.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        var groups = published.Concat(heldBack).Where(a => a.TranslationKey is not null)
            .OrderBy(a => a.File, StringComparer.Ordinal)
            .GroupBy(a => a.TranslationKey!, StringComparer.Ordinal)
            .ToList();
        var byFile = new Dictionary<string, IReadOnlyList<Article>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            string LanguageOf(Article article) => (article.Language ?? siteLanguage).ToLowerInvariant();
            if (group.Count() == 1)
            {
                ReportMissing(group.Single(), groups.Select(g => g.Key), diagnostics);
                continue;
            }
            ReportSameLanguage(group, siteLanguage, diagnostics);
            var linked = group.Where(a => isPublished.Contains(a.File))
                .DistinctBy(LanguageOf)
                .OrderBy(LanguageOf, StringComparer.Ordinal)
                .ToList();
            if (linked.Count < 2)
            {
                continue;
            }
            foreach (var article in linked)
            {
                byFile[article.File] = linked;
            }
        }
        return new TranslationIndex(byFile);
    }

    /// <summary>The published translations of <paramref name="article"/>, itself among them, by language
    /// tag; empty when none of them is published.</summary>
    public IReadOnlyList<Article> Of(Article article) => _byFile.GetValueOrDefault(article.File) ?? [];

    private static void ReportMissing(Article alone, IEnumerable<string> keys, DiagnosticBag diagnostics)
    {
        var key = alone.TranslationKey!;
        var hint = DidYouMean.Hint(key, keys);
        diagnostics.Report(DiagnosticCode.MissingTranslation, At(alone),
            $"{Key} '{key}' names translations, but no other article has it{hint}; give the same {Key} to each translation, or remove it");
    }

    /// <summary>Language tags are compared ignoring case (<c>kk-KZ</c> is <c>kk-kz</c>), as the strings tables are.</summary>
    private static void ReportSameLanguage(IEnumerable<Article> group, string siteLanguage, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, Article>(StringComparer.OrdinalIgnoreCase);
        foreach (var article in group)
        {
            var language = article.Language ?? siteLanguage;
            if (!first.TryAdd(language, article))
            {
                diagnostics.Report(DiagnosticCode.TranslationSameLanguage, At(article),
                    $"{Key} '{article.TranslationKey}' is also given to {first[language].File}, in the same language ({language}); a story has one translation per language: give one of them another 'language' or {Key}");
            }
        }
    }

    private static FilePosition At(Article article) =>
        new(article.File, article.TranslationKeyPosition.Line, article.TranslationKeyPosition.Column);
}
