using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>Every front-matter mistake is an error at its exact file(line,col), and nothing is published.</summary>
public sealed class FrontMatterErrorTests
{
    [Fact]
    public void Unknown_key_is_an_error_at_the_key_with_a_suggestion()
    {
        var build = Build("---\ntitel: Hello\ndate: 2024-01-02\n---\nBody.\n");

        DiagnosticAssert.Exactly(
            build.Diagnostics,
            ("content/a.md(2,1): error SITE003:", "unknown front matter key 'titel' (did you mean 'title'?)"),
            ("content/a.md(2,1): error SITE004:", "missing required key 'title'"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void Missing_title_is_an_error()
    {
        var build = Build("---\ndate: 2024-01-02\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(2,1): error SITE004:", "missing required key 'title'"));
    }

    [Fact]
    public void Missing_date_is_an_error()
    {
        var build = Build("---\ntitle: Hello\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(2,1): error SITE004:", "missing required key 'date'"));
    }

    [Fact]
    public void Date_that_is_not_a_date_is_an_error_at_the_value()
    {
        var build = Build("---\ntitle: Hello\ndate: yesterday\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(3,7): error SITE005:", "'date' must be a date like 2024-01-31"));
    }

    [Fact]
    public void Date_with_a_time_but_no_offset_is_an_error()
    {
        // A time without an offset would mean different instants on different machines.
        var build = Build("---\ntitle: Hello\ndate: 2024-01-02T09:30:00\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(3,7): error SITE005:", "'date' 2024-01-02T09:30:00 has a time but no offset, which is required"));
    }

    [Fact]
    public void Tags_that_are_not_a_list_are_an_error_at_the_value()
    {
        var build = Build("---\ntitle: Hello\ndate: 2024-01-02\ntags: 5\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(4,7): error SITE005:", "'tags' must be a list"));
    }

    [Fact]
    public void Draft_that_is_not_a_boolean_is_an_error_at_the_value()
    {
        var build = Build("---\ntitle: Hello\ndate: 2024-01-02\ndraft: maybe\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(4,8): error SITE005:", "'draft' must be true or false"));
    }

    [Fact]
    public void Yaml_syntax_error_is_an_error_at_its_position()
    {
        var build = Build("---\ntitle: \"unclosed\ndate: 2024-01-02\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(2,8): error SITE002:", "invalid YAML"));
    }

    [Fact]
    public void Duplicate_key_is_an_error_at_the_second_one()
    {
        var build = Build("---\ntitle: Hello\ndate: 2024-01-02\ntitle: Again\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(4,1): error SITE002:", "duplicate key 'title'"));
    }

    [Fact]
    public void Unclosed_flow_sequence_followed_by_a_key_is_an_error_not_a_crash()
    {
        var build = Build("---\ntitle: [Hello\ndate: 2024-01-02\n---\nBody.\n");

        var error = Assert.Single(build.Diagnostics);
        Assert.Matches(@"^content/a\.md\([23],\d+\): error SITE002: ", error);
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void Unclosed_front_matter_is_an_error_at_the_opening_line()
    {
        var build = Build("---\ntitle: Hello\ndate: 2024-01-02\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(1,1): error SITE001:", "front matter is not closed"));
    }

    [Fact]
    public void Article_without_front_matter_is_an_error_at_its_first_line()
    {
        var build = Build("Just a body.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(1,1): error SITE001:", "must start with front matter"));
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var build = Build("");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md: error SITE001:", "the file is empty"));
    }

    [Fact]
    public void Yaml_alias_is_refused_at_the_alias()
    {
        var build = Build("---\ntitle: &t Hello\ndate: 2024-01-02\nsummary: *t\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(4,10): error SITE002:", "YAML aliases (*t) are not allowed"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("Upper")]
    public void Slug_that_is_not_a_safe_folder_name_is_an_error_at_the_value(string slug)
    {
        var build = Build($"---\ntitle: Hello\ndate: 2024-01-02\nslug: {slug}\n---\nBody.\n");

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(4,7): error SITE006:", $"slug '{slug}' is not allowed"));
    }

    [Fact]
    public void Same_default_slug_in_two_folders_is_an_error_at_the_second_file()
    {
        using var site = new TestSite()
            .With("content/report.md", TestSite.Article())
            .With("content/2024/report.md", TestSite.Article());

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/report.md: error SITE007:", "slug 'report' is already used by content/2024/report.md"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void Same_slug_given_in_two_files_is_an_error_at_the_second_slug()
    {
        using var site = new TestSite()
            .With("content/a.md", TestSite.Article(extra: "slug: same\n"))
            .With("content/b.md", TestSite.Article(extra: "slug: same\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/b.md(4,7): error SITE007:", "slug 'same' is already used by content/a.md"));
    }

    [Fact]
    public void Unknown_source_key_is_an_error_at_the_key()
    {
        var build = Build("---\ntitle: Hello\ndate: 2024-01-02\nsource:\n  name: Paper\n  link: https://example.org\n---\nBody.\n");

        DiagnosticAssert.Exactly(
            build.Diagnostics,
            ("content/a.md(5,3): error SITE004:", "'source' is missing required key 'url'"),
            ("content/a.md(6,3): error SITE003:", "unknown 'source' key 'link'"));
    }

    [Fact]
    public void Every_mistake_of_a_file_is_reported_in_one_run()
    {
        var build = Build("---\ntitle: Hello\ndate: yesterday\ntags: 5\ndraft: maybe\n---\nBody.\n");

        DiagnosticAssert.Exactly(
            build.Diagnostics,
            ("content/a.md(3,7): error SITE005:", "'date'"),
            ("content/a.md(4,7): error SITE005:", "'tags'"),
            ("content/a.md(5,8): error SITE005:", "'draft'"));
    }

    private static SiteBuild Build(string article)
    {
        using var site = new TestSite().With("content/a.md", article);
        var build = site.Build();
        Assert.False(build.Result.Published, "an article with errors must not be published");
        Assert.False(Directory.Exists(site.OutputDir), "a failed build must not create output/");
        return build;
    }
}
