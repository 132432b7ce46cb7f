namespace Site.Content;

/// <summary>Name and address of the publication an article first appeared in, credited on its page (front
/// matter <c>source:</c>). Not to be confused with the <see cref="Source"/>s its notes cite.</summary>
internal sealed record OriginalPublication(string Name, string Url);

/// <summary>One article as read from content/: validated front matter plus the Markdown body.</summary>
/// <param name="File">Path shown in diagnostics, e.g. content/x.md.</param>
/// <param name="Markdown">The body with the front matter lines blanked, so Markdig's line numbers are the
/// file's. Empty in what <see cref="ContentLoader.Load"/> returns: bodies are read again one at a time
/// with <see cref="ContentLoader.ReadBody"/> when rendered, so a large site never holds them all.</param>
internal sealed record Article(
    string File,
    string Slug,
    string Title,
    PublishDate Date,
    string? Summary,
    IReadOnlyList<string> Tags,
    string? Author,
    bool Draft,
    OriginalPublication? OriginalPublication,
    string Markdown)
{
    /// <summary>Sources its notes may cite besides the site-wide ones in content/sources.yml.</summary>
    public IReadOnlyDictionary<string, Source> Sources { get; init; } = SourceRegistry.Empty;

    /// <summary>The file's path inside content/, with '/': the same wherever the build runs.</summary>
    public string ContentPath { get; init; } = "";

    /// <summary>The file's full path, to read the body again.</summary>
    public string FullPath { get; init; } = "";

    /// <summary>The file's stamp when it was loaded: a later build notices an edit by it without reading the file.</summary>
    public FileStamp Stamp { get; init; }

    /// <summary>A <see cref="ContentHash"/> of the file as loaded (hex): the render cache's stand-in for its text.</summary>
    public string Digest { get; init; } = "";

    /// <summary>How many lines the front matter takes, both '---' lines included.</summary>
    public int FrontMatterLines { get; init; }

    /// <summary>The type of work (front matter <c>kind:</c>), or null when the author did not say.</summary>
    public TypeOfWork? Kind { get; init; }

    /// <summary>Changes made after publication, oldest first.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    /// <summary>The newest correction's date, or the publication date: when the article last changed.</summary>
    public PublishDate Modified => Corrections.Count > 0 ? Corrections.MaxBy(c => c.Date.Value)!.Date : Date;

    /// <summary>The page's path from the site root, like "my-article/" or "2024/01/my-article/": where it is
    /// published. Set by <see cref="ContentLoader"/> from the site's permalink pattern; "{slug}/" until then.</summary>
    public string Url
    {
        get => field ?? Slug + "/";
        init;
    }

    /// <summary>The folders between content/ and the article (its bundle's folder excluded), as URL parts:
    /// "" for content/x.md, "world" for content/world/x.md. The permalink's <c>{section}</c>.</summary>
    public string Section { get; init; } = "";

    /// <summary>The bundle's folder when the article is a bundle (<c>content/{name}/index.md</c>), whose
    /// other files are published beside its page; null for an article that is one file.</summary>
    public string? BundleFolder { get; init; }

    /// <summary>A standalone page (content/pages/): no date, not listed with the articles.</summary>
    public bool IsPage { get; init; }

    /// <summary>A page's own template, or null for the default (page.html, or article.html for an article).</summary>
    public string? Template { get; init; }

    /// <summary>The path of the article's page in the output.</summary>
    public string PagePath => Url + "index.html";

    /// <summary>How many folders deep the page is, as the relative path back to the site root.</summary>
    public string Root => string.Concat(Enumerable.Repeat("../", Url.Count(c => c == '/')));

    /// <summary>The article's language (front matter <c>language:</c>), or null for the site's.</summary>
    public string? Language { get; init; }

    /// <summary>Where <c>language:</c> was written (1-based), or (0, 0).</summary>
    public (int Line, int Column) LanguagePosition { get; init; }

    /// <summary>The key the article shares with its translations (front matter <c>translation_key:</c>), or null.</summary>
    public string? TranslationKey { get; init; }

    /// <summary>Where <c>translation_key:</c> was written (1-based), or (0, 0).</summary>
    public (int Line, int Column) TranslationKeyPosition { get; init; }

    /// <summary>Where <c>tags:</c> was written (1-based), or (0, 0).</summary>
    public (int Line, int Column) TagsPosition { get; init; }

    /// <summary>Where <c>slug:</c> was written (1-based), or (0, 0) when the slug came from the file name.</summary>
    public (int Line, int Column) SlugPosition { get; init; }
}
