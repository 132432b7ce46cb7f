using Site.Tests.Support;

namespace Site.Tests.Templating;

/// <summary>Template mistakes are errors at the template's file(line,col), never crashes or hangs.</summary>
public sealed class TemplateErrorTests
{
    [Fact]
    public void Unknown_variable_is_an_error_at_its_position()
    {
        // Strict variables: a typo is an error, not an empty string.
        var build = Build("templates/article.html", "<h1>{{ article.title }}</h1>\n<p>{{ page.titel }}</p>\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("templates/article.html(2,12): error SITE031:", "titel"));
    }

    [Fact]
    public void Unknown_variable_in_a_partial_is_reported_in_the_partial()
    {
        var build = Build(
            ("templates/article.html", "<h1>{{ article.title }}</h1>\n{{ include 'partials/meta.html' }}\n"),
            ("templates/partials/meta.html", "<p>\n{{ article.athor }}\n</p>\n"));

        DiagnosticAssert.Exactly(build.Diagnostics, ("templates/partials/meta.html(2,12): error SITE031:", "athor"));
    }

    [Fact]
    public void Parse_error_is_an_error_at_its_position()
    {
        var build = Build("templates/index.html", "<ul>\n<li>{{ site.title }</li>\n</ul>\n");

        // Scriban reports the stray '}' twice, both at its position.
        Assert.NotEmpty(build.Diagnostics);
        Assert.All(build.Diagnostics, d => Assert.StartsWith("templates/index.html(2,19): error SITE030: ", d, StringComparison.Ordinal));
    }

    [Fact]
    public void Include_outside_templates_is_refused()
    {
        using var site = new TestSite()
            .With("content/a.md", TestSite.Article())
            .With("secret.txt", "do not publish\n")
            .With("templates/article.html", "<h1>x</h1>\n{{ include '../secret.txt' }}\n");

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("templates/article.html(2,4): error SITE031:", "include '../secret.txt' points outside templates/"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void Include_of_an_absolute_path_is_refused()
    {
        var build = Build("templates/article.html", "<h1>x</h1>\n{{ include '/etc/hostname' }}\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("templates/article.html(2,4): error SITE031:", "include '/etc/hostname' must be a relative path inside templates/"));
    }

    [Fact]
    public void Missing_include_is_an_error_at_the_include()
    {
        var build = Build("templates/article.html", "<h1>x</h1>\n{{ include 'partials/nope.html' }}\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("templates/article.html(2,4): error SITE031:", "include 'partials/nope.html' was not found"));
    }

    [Fact]
    public void Missing_required_template_is_an_error()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article()).Without("templates/index.html");

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("templates/index.html: error SITE030:", "template 'index.html' is missing"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public async Task Endless_loop_is_stopped_by_the_loop_limit()
    {
        var build = await HangGuard.RunAsync(() => Build("templates/article.html", "<h1>x</h1>\n  {{ while true }}{{ end }}\n"), "the build");

        // One article: the loop limit is 1,000 + 4.
        DiagnosticAssert.Exactly(build.Diagnostics, ("templates/article.html(2,6): error SITE031:", "Exceeding number of iteration limit `1004` for loop statement."));
    }

    [Fact]
    public async Task Endless_recursion_is_stopped_by_the_depth_limit()
    {
        var build = await HangGuard.RunAsync(() => Build("templates/article.html", "<h1>x</h1>\n{{ func f; ret f; end; f }}\n"), "the build");

        DiagnosticAssert.Exactly(build.Diagnostics, ("templates/article.html(2,16): error SITE031:", "Exceeding number of recursive depth limit `100` for node: `f`"));
    }

    [Fact]
    public void Front_matter_values_are_html_escaped()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article(title: "\"<script>alert(1)</script> & co\"", extra: "summary: \"<b>bold</b>\"\n"))
            .With("templates/article.html", "<h1>{{ article.title }}</h1>\n<p>{{ article.summary }}</p>\n");

        var build = site.Build();

        Assert.True(build.Result.Published, build.ToString());
        var html = File.ReadAllText(site.Path("output/a/index.html"));
        Assert.Contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;b&gt;bold&lt;/b&gt;</p>", html, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>", html, StringComparison.Ordinal);
    }

    private static SiteBuild Build(string template, string text) => Build((template, text));

    private static SiteBuild Build(params (string Path, string Text)[] files)
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article());
        foreach (var (path, text) in files)
        {
            site.With(path, text);
        }
        var build = site.Build();
        Assert.False(build.Result.Published, "a build with template errors must not be published");
        return build;
    }
}
