using Site.Content;
using Site.Localization;
using Site.Markdown;
using Site.Markdown.Annotations;

namespace Site.Templating;

/// <summary><c>article</c> on its own page, and each of <c>articles</c> on listing pages. Text from the front
/// matter is HTML-escaped; <see cref="Page"/> is set on the article's own page only.</summary>
internal sealed record ArticleModel(
    string Title,
    string Slug,
    string Url,
    string? Permalink,
    string? Date,
    string? DateRfc3339,
    string? DateDisplay,
    string? Summary,
    string? Author,
    IReadOnlyList<string> Tags,
    bool Draft,
    OriginalPublicationModel? Source,
    ArticlePageModel? Page = null,
    string? Kind = null,
    string? KindLabel = null,
    string? ModifiedRfc3339 = null,
    string? CorrectionsId = null,
    IReadOnlyList<CorrectionModel>? Corrections = null,
    bool IsPage = false,
    string? Language = null,
    IReadOnlyList<TagLinkModel>? TagLinks = null,
    IReadOnlyList<TranslationModel>? Translations = null)
{
    /// <summary>A page (content/pages/) has no date: its date fields are null.</summary>
    /// <param name="translations">The article and its translations, or empty (see <see cref="TranslationModel"/>).</param>
    public static ArticleModel From(Article article, SiteConfig config, PageText strings, IReadOnlyList<TranslationModel> translations)
    {
        var url = article.Url;
        var dated = !article.IsPage;
        return new ArticleModel(
            Html.Escape(article.Title),
            article.Slug,
            url,
            Html.Escape(config.Permalink(url)),
            dated ? article.Date.ToIso() : null,
            dated ? article.Date.ToRfc3339() : null,
            dated ? Html.Escape(strings.Date(article.Date)) : null,
            Html.Escape(article.Summary),
            Html.Escape(article.Author ?? config.Author),
            [.. article.Tags.Select(tag => Html.Escape(tag))],
            article.Draft,
            article.OriginalPublication is { } original ? new OriginalPublicationModel(Html.Escape(original.Name), Html.Escape(original.Url)) : null,
            Kind: article.Kind?.Name(),
            KindLabel: article.Kind is { } kind ? Html.Escape(strings.TypeOfWork(kind)) : null,
            ModifiedRfc3339: dated ? article.Modified.ToRfc3339() : null,
            CorrectionsId: new AnnotationIds(article.Slug).Corrections,
            Corrections: [.. article.Corrections.Select(c => CorrectionModel.From(c, article.Slug, strings))],
            IsPage: article.IsPage,
            Language: Html.Escape(article.Language ?? config.Language),
            TagLinks: [.. article.Tags.Distinct(StringComparer.Ordinal).Select(TagLinkModel.Of)],
            Translations: translations);
    }

    /// <summary>The article on its own page: with its rendered body, notes and sources.</summary>
    public static ArticleModel From(RenderedArticle rendered, SiteConfig config, PageText strings, IReadOnlyList<TranslationModel> translations)
    {
        var article = rendered.Article;
        var model = From(article, config, strings, translations);
        var jsonLd = StructuredData.For(article, config, config.Permalink(model.Url), rendered.Annotations);
        return model with { Page = new ArticlePageModel(rendered.BodyHtml, rendered.NotesHtml, rendered.SourcesHtml, rendered.Notes.Count, jsonLd) };
    }
}

/// <summary>Each of <c>article.corrections</c>: one dated entry of the corrections box, HTML-escaped.</summary>
internal sealed record CorrectionModel(int Number, string Id, string Kind, string KindLabel, string Date, string DateDisplay, string Text)
{
    public static CorrectionModel From(Correction correction, string slug, PageText strings) => new(
        correction.Number,
        new AnnotationIds(slug).Correction(correction.Number),
        Content.Corrections.KindNames[(int)correction.Kind],
        Html.Escape(strings.CorrectionKind(correction.Kind)),
        correction.Date.ToIso(),
        Html.Escape(strings.Date(correction.Date)),
        Html.Escape(correction.Text)!);
}

/// <summary>Each of <c>article.translations</c>: one article of a group of translations (the article itself among
/// them), HTML-escaped: its language tag, that language's name in itself ("Русский"), its title, its path from
/// the site root, its absolute URL when the site has a base URL, and its locale as Open Graph writes it ("ru_RU").</summary>
/// <param name="Draft">Not for templates: drafts built with --drafts are left out of the sitemap's alternates.</param>
internal sealed record TranslationModel(string Language, string LanguageName, string Title, string Url, string? Permalink, string Locale, bool Draft)
{
    /// <param name="strings">The words of the translation's language: its name and locale.</param>
    public static TranslationModel From(Article article, string language, Strings strings, SiteConfig config) =>
        new(Html.Escape(language), Html.Escape(strings.Name), Html.Escape(article.Title), article.Url, Html.Escape(config.Permalink(article.Url)), Html.Escape(strings.Locale), article.Draft);
}

/// <summary><c>article.source</c>: the publication the article first appeared in, HTML-escaped.</summary>
internal sealed record OriginalPublicationModel(string Name, string Url);

/// <summary>What only an article's own page has. HTML written by Site (the JSON-LD is safe inside a script
/// element), so templates output it as it is.</summary>
internal sealed record ArticlePageModel(string Body, string Notes, string Sources, int NoteCount, string? JsonLd);
