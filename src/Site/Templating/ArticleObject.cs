using Scriban.Runtime;

namespace Site.Templating;

/// <summary><c>article</c>, and each of <c>articles</c>: an <see cref="ArticleModel"/> read field by field. Its
/// lists are converted on first use and kept, so a template sees the same array each time; a listing reads
/// none of them, so most are never made.</summary>
internal sealed class ArticleObject(ArticleModel article) : ModelObject
{
    private static readonly string[] Listed =
    [
        "title", "slug", "url", "permalink", "date", "date_rfc3339", "date_display", "summary", "author", "tags", "draft", "source",
        "kind", "kind_label", "modified_rfc3339", "corrections_id", "corrections", "is_page", "language", "tag_links", "translations",
    ];

    /// <summary>What only the article's own page adds (<see cref="ArticleModel.Page"/>).</summary>
    private static readonly string[] OnItsPage = [.. Listed, "body", "notes", "sources", "note_count", "json_ld"];

    /// <summary>What <see cref="PageField"/> gives for a name the article does not have: a field that is null
    /// is told from it without a search of <see cref="Names"/>, which templates read field after field.</summary>
    private static readonly object NoSuchField = new();

    private ScriptArray? _tags;
    private ScriptObject? _source;
    private ScriptArray? _corrections;
    private ScriptArray? _tagLinks;
    private ScriptArray? _translations;

    protected override IReadOnlyList<string> Names => article.Page is null ? Listed : OnItsPage;

    protected override bool TryGet(string member, out object? value)
    {
        value = member switch
        {
            "title" => article.Title,
            "slug" => article.Slug,
            "url" => article.Url,
            "permalink" => article.Permalink,
            "date" => article.Date,
            "date_rfc3339" => article.DateRfc3339,
            "date_display" => article.DateDisplay,
            "summary" => article.Summary,
            "author" => article.Author,
            "tags" => _tags ??= ScriptModel.Array(article.Tags),
            "draft" => article.Draft,
            "source" => article.Source is { } source ? _source ??= new ScriptObject { ["name"] = source.Name, ["url"] = source.Url } : null,
            "kind" => article.Kind,
            "kind_label" => article.KindLabel,
            "modified_rfc3339" => article.ModifiedRfc3339,
            "corrections_id" => article.CorrectionsId,
            "corrections" => _corrections ??= ScriptModel.Array((article.Corrections ?? []).Select(Correction)),
            "is_page" => article.IsPage,
            "language" => article.Language,
            "tag_links" => _tagLinks ??= ScriptModel.Array((article.TagLinks ?? []).Select(link => new ScriptObject { ["name"] = link.Name, ["url"] = link.Url })),
            "translations" => _translations ??= ScriptModel.Array((article.Translations ?? []).Select(Translation)),
            _ => PageField(member),
        };
        if (ReferenceEquals(value, NoSuchField))
        {
            value = null;
            return false;
        }
        return true;
    }

    /// <summary>A field of the article's own page; <see cref="NoSuchField"/> when there is no such field.</summary>
    private object? PageField(string member) => article.Page is not { } page ? NoSuchField : member switch
    {
        "body" => page.Body,
        "notes" => page.Notes,
        "sources" => page.Sources,
        "note_count" => page.NoteCount,
        "json_ld" => page.JsonLd,
        _ => NoSuchField,
    };

    private static ScriptObject Translation(TranslationModel translation) => new()
    {
        ["language"] = translation.Language,
        ["language_name"] = translation.LanguageName,
        ["title"] = translation.Title,
        ["url"] = translation.Url,
        ["permalink"] = translation.Permalink,
        ["locale"] = translation.Locale,
    };

    private static ScriptObject Correction(CorrectionModel correction) => new()
    {
        ["number"] = correction.Number,
        ["id"] = correction.Id,
        ["kind"] = correction.Kind,
        ["kind_label"] = correction.KindLabel,
        ["date"] = correction.Date,
        ["date_display"] = correction.DateDisplay,
        ["text"] = correction.Text,
    };
}
