using Site.Diagnostics;

namespace Site.Content;

/// <summary>Splits an article into its YAML front matter and Markdown body, and validates the fields.</summary>
internal static class FrontMatter
{
    private static readonly string[] Keys = ["title", "date", "slug", "summary", "tags", "author", "draft", "source", "sources", "kind", "corrections", "template", "language", "translation_key"];
    private static readonly string[] SourceKeys = ["name", "url"];

    /// <summary>Returns the article whenever its front matter is a readable mapping, even with bad or
    /// missing fields, so that its body is checked too and one run reports every mistake; the build
    /// still fails on the reported errors. Null means the front matter itself could not be read.</summary>
    /// <param name="isPage">A page (content/pages/): it has no date, and may choose its template.</param>
    public static Article? Parse(string text, string file, string defaultSlug, DiagnosticBag diagnostics, bool isPage = false)
    {
        if (text.Length == 0 || string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Report(DiagnosticCode.FrontMatter, new FilePosition(file), "the file is empty; an article starts with front matter between '---' lines, with at least title and date");
            return null;
        }
        if (!IsLine(text, 0, "---", out _))
        {
            diagnostics.Report(DiagnosticCode.FrontMatter, new FilePosition(file, 1, 1), "an article must start with front matter: a '---' line, YAML with title and date, and a closing '---' line (a file for the editors, not an article, is skipped when its name starts with '_')");
            return null;
        }
        if (Split(text) is not { } split)
        {
            diagnostics.Report(DiagnosticCode.FrontMatter, new FilePosition(file, 1, 1), "front matter is not closed: add a '---' line after the YAML");
            return null;
        }

        var local = new DiagnosticBag();
        var root = YamlTree.Parse(text[split.YamlStart..split.Closing], file, 2, local);
        Article? article = null;
        if (root is YamlMap map)
        {
            article = Read(new YamlFields(map, file, local, "front matter", Keys), file, defaultSlug, split.ClosingLine, Body(text, split), isPage);
        }
        else if (root is not null)
        {
            local.Report(DiagnosticCode.BadValue, new FilePosition(file, root.Line, root.Column), "front matter must be a mapping of keys to values, for example title: My headline");
        }
        diagnostics.AddRange(local.ToSortedList());
        return article;
    }

    /// <summary>Where the front matter ends: the YAML's start, the closing '---' line's start, the body's
    /// start, and the closing line's 1-based number. Null when there is no front matter, or it is not closed.</summary>
    public static (int YamlStart, int Closing, int BodyStart, int ClosingLine)? Split(string text)
    {
        if (!IsLine(text, 0, "---", out var position))
        {
            return null;
        }
        var yamlStart = position;
        for (var line = 2; position < text.Length; line++)
        {
            if (IsLine(text, position, "---", out var lineEnd) || IsLine(text, position, "...", out lineEnd))
            {
                return (yamlStart, position, lineEnd, line);
            }
            var next = text.IndexOf('\n', position);
            position = next < 0 ? text.Length : next + 1;
        }
        return null;
    }

    /// <summary>The body with the front matter lines blanked instead of cut, so body positions stay file positions.</summary>
    public static string Body(string text, (int YamlStart, int Closing, int BodyStart, int ClosingLine) split) =>
        string.Concat(new string('\n', split.ClosingLine), text.AsSpan(split.BodyStart));

    private static Article Read(YamlFields fields, string file, string defaultSlug, int closingLine, string markdown, bool isPage)
    {
        var title = fields.String("title", required: true);
        var date = fields.Date("date", required: !isPage);
        // The README allows combining marks: a slug typed in decomposed form (macOS file names) is the same slug.
        var slug = fields.String("slug")?.Normalize(System.Text.NormalizationForm.FormC);
        if (slug is not null && Slug.Problem(slug) is { } problem)
        {
            fields.Report(DiagnosticCode.BadSlug, fields.Node("slug")!, $"slug '{Printable(slug)}' {problem}");
            slug = null;
        }
        else if (slug is null && Slug.Problem(defaultSlug) is { } fileProblem)
        {
            fields.Diagnostics.Report(DiagnosticCode.BadSlug, new FilePosition(file, 1, 1),
                $"the file name gives the slug '{Printable(defaultSlug)}', which {fileProblem}; rename the file or set slug: in the front matter");
        }
        var summary = fields.String("summary");
        var tags = fields.StringList("tags");
        var author = fields.String("author");
        var draft = fields.Bool("draft") ?? false;
        OriginalPublication? original = null;
        if (fields.Map("source", SourceKeys) is { } sourceFields)
        {
            var name = sourceFields.String("name", required: true);
            var url = sourceFields.String("url", required: true);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                sourceFields.Report(DiagnosticCode.BadValue, sourceFields.Node("url")!, $"source url must be an absolute http or https URL, not '{Printable(url)}'");
                url = null;
            }
            original = name is not null && url is not null ? new OriginalPublication(name, url) : null;
        }
        var sources = fields.Node("sources") is { } sourcesNode ? SourceRegistry.Read(sourcesNode, file, fields.Diagnostics) : SourceRegistry.Empty;
        var kind = Kind(fields);
        var corrections = Corrections.Read(fields, date);
        var language = Language(fields);
        var slugNode = slug is null ? null : fields.Node("slug");
        var keyNode = fields.Node("translation_key");
        return new Article(file, slug ?? defaultSlug, title ?? "", date ?? default, summary, tags, author, draft, original, markdown)
        {
            FrontMatterLines = closingLine,
            Sources = sources,
            Kind = kind,
            Corrections = corrections,
            Language = language,
            TagsPosition = fields.Node("tags") is { } tagsNode ? (tagsNode.Line, tagsNode.Column) : (0, 0),
            LanguagePosition = language is null ? (0, 0) : (fields.Node("language")!.Line, fields.Node("language")!.Column),
            SlugPosition = slugNode is null ? (0, 0) : (slugNode.Line, slugNode.Column),
            TranslationKey = keyNode is null ? null : fields.String("translation_key", required: true),
            TranslationKeyPosition = keyNode is null ? (0, 0) : (keyNode.Line, keyNode.Column),
            IsPage = isPage,
            Template = Template(fields, isPage),
        };
    }

    /// <summary>A page's own template (<c>template: wide</c> is templates/wide.html), or null for page.html.</summary>
    private static string? Template(YamlFields fields, bool isPage)
    {
        if (fields.String("template") is not { } name)
        {
            return null;
        }
        if (!isPage)
        {
            fields.Report(DiagnosticCode.BadValue, fields.Node("template")!, "only pages (content/pages/) choose their template; articles use article.html");
            return null;
        }
        if (!Slug.IsValid(name))
        {
            fields.Report(DiagnosticCode.BadValue, fields.Node("template")!, $"template '{Printable(name)}' must be the name of a template in templates/ without '.html', like wide-page");
            return null;
        }
        return name + ".html";
    }

    private static string? Language(YamlFields fields)
    {
        var language = fields.String("language");
        if (language is not null && !SiteConfig.IsLanguageTag(language))
        {
            fields.Report(DiagnosticCode.BadValue, fields.Node("language")!, $"'language' must be a language tag like en, ru or kk-KZ, not '{Printable(language)}'");
            return null;
        }
        return language;
    }

    private static TypeOfWork? Kind(YamlFields fields)
    {
        if (fields.String("kind") is not { } name)
        {
            return null;
        }
        if (TypesOfWork.ByName.TryGetValue(name, out var kind))
        {
            return kind;
        }
        var hint = DidYouMean.Hint(name, TypesOfWork.ByName.Keys);
        fields.Report(DiagnosticCode.BadValue, fields.Node("kind")!, $"kind '{Printable(name)}' is not known{hint}; use {string.Join(", ", TypesOfWork.ByName.Keys)}");
        return null;
    }

    private static bool IsLine(string text, int start, string marker, out int lineEnd)
    {
        var end = text.IndexOf('\n', start);
        lineEnd = end < 0 ? text.Length : end + 1;
        var content = text.AsSpan(start, (end < 0 ? text.Length : end) - start).TrimEnd(" \t");
        return content.SequenceEqual(marker);
    }

    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
