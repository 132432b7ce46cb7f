using Site.Diagnostics;
using Site.Generation;

namespace Site.Tests.Support;

/// <summary>What an in-process build reported, with file names relative to the site folder.</summary>
internal sealed record SiteBuild(BuildResult Result, IReadOnlyList<string> Diagnostics)
{
    public override string ToString() => Diagnostics.Count == 0 ? "(no diagnostics)" : string.Join("\n", Diagnostics);
}

/// <summary>
/// A site in a temp folder: content/, templates/ and output/, with minimal templates that link nowhere,
/// so a test sees only the diagnostics its own files cause. Built in process, or by the real program.
/// </summary>
internal sealed class TestSite : IDisposable
{
    public const string Layout = """
        <!doctype html>
        <html lang="{{ site.language }}">
        <head><meta charset="utf-8"><title>{{ page.title }}</title></head>
        <body>
        {{ content }}
        </body>
        </html>

        """;

    public const string ArticleTemplate = """
        <article>
        <h1>{{ article.title }}</h1>
        {{ article.body }}{{ article.notes }}</article>

        """;

    public const string IndexTemplate = """
        <ul>
        {{~ for a in articles }}
        <li>{{ a.title }}</li>
        {{~ end }}
        </ul>

        """;

    private readonly TempDirectory _folder = new();

    public TestSite()
    {
        // A theme of the test's own, complete: the default theme would add pages and assets of its own.
        With("content/site.yml", "title: Test site\nlanguage: en\ndefault_theme: false\n");
        With("templates/layout.html", Layout);
        With("templates/article.html", ArticleTemplate);
        With("templates/index.html", IndexTemplate);
    }

    public string Root => _folder.Path;

    public string OutputDir => _folder.Combine("output");

    /// <summary>Front matter with a title and a date, then <paramref name="body"/>.</summary>
    public static string Article(string body = "Body.\n", string title = "A title", string date = "2024-01-02", string extra = "") =>
        $"---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}";

    public TestSite With(string relative, string text)
    {
        _folder.Write(relative, text);
        return this;
    }

    public TestSite WithBytes(string relative, byte[] bytes)
    {
        _folder.WriteBytes(relative, bytes);
        return this;
    }

    public TestSite Without(string relative)
    {
        File.Delete(_folder.Combine(relative));
        return this;
    }

    public string Path(string relative) => _folder.Combine(relative);

    public SiteBuild Build(bool drafts = false, bool strict = false)
    {
        var options = new BuildOptions(_folder.Combine("content"), _folder.Combine("templates"), OutputDir, drafts, strict);
        var result = SiteBuilder.Build(options);
        // Outside the working directory, diagnostics name files by their full path; show them as a user
        // running 'site build' in the site folder would see them.
        var prefix = SitePath.Display(Root) + "/";
        var lines = result.Diagnostics
            .Select(d => (d with { File = Relative(d.File), Message = d.Message.Replace(prefix, "", StringComparison.Ordinal) }).ToString())
            .ToList();
        return new SiteBuild(result, lines);

        string Relative(string file) => file.StartsWith(prefix, StringComparison.Ordinal) ? file[prefix.Length..] : file;
    }

    public Task<ProcessResult> RunAsync(params string[] args) => SiteProcess.RunAsync(Root, args);

    public void Dispose() => _folder.Dispose();
}
