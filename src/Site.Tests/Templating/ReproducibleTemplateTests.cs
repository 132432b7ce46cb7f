using Site.Tests.Support;

namespace Site.Tests.Templating;

/// <summary>A theme that prints today's date or a random number would make every build different, breaking
/// the byte-identical promise (issue 13, item 15).</summary>
public sealed class ReproducibleTemplateTests
{
    [Fact]
    public async Task Date_now_and_random_builtins_in_a_template_are_refused_at_their_position()
    {
        using var site = new TestSite()
            .With("content/a.md", TestSite.Article())
            .With("templates/index.html", "<p>Built</p>\n<p>© {{ date.now | date.to_string \"%Y\" }}</p>\n")
            .With("templates/article.html", "<article id=\"x-{{ math.uuid }}\">{{ article.body }}</article>\n<p>{{ math.random 1 10 }}</p>\n");

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        DiagnosticAssert.Exactly(run.StderrLines,
            ("templates/article.html(1,19): error SITE035:", "math.uuid would make every build different"),
            ("templates/article.html(2,7): error SITE035:", "math.random would make every build different"),
            ("templates/index.html(2,9): error SITE035:", "date.now would make every build different; use the content's own dates"));
        Assert.False(Directory.Exists(site.OutputDir));
    }

    [Fact]
    public void The_clock_reached_through_a_variable_is_not_there_either()
    {
        using var site = new TestSite()
            .With("content/a.md", TestSite.Article())
            .With("templates/index.html", "{{ d = date }}<p>{{ d.now }}</p>\n");

        var build = site.Build();

        Assert.False(build.Result.Published, build.ToString());
        var error = Assert.Single(build.Diagnostics);
        Assert.StartsWith("templates/index.html(1,23): error SITE031:", error, StringComparison.Ordinal);
    }
}
