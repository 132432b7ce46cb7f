using Site.Tests.Support;

namespace Site.Tests.Templating;

/// <summary>Scriban's builtin modules are made on a template's first use of each (Templating/BuiltinModules.cs),
/// not all at start: every one must still be there, each with its functions.</summary>
public sealed class BuiltinModuleTests
{
    [Fact]
    public void Every_builtin_module_works_in_a_template()
    {
        const string Uses = "{{ 'abc' | string.upcase }} {{ [3, 1, 2] | array.sort | array.join ',' }} {{ 2.6 | math.round }} "
            + "{{ 'a<b' | html.escape }} {{ 'a1b' | regex.replace '[0-9]' '' }} {{ date.parse '2024-01-04' | date.to_string '%Y' }} "
            + "{{ (timespan.from_days 2).days }} {{ object.typeof 1 }} {{ [] == empty }}";
        using var site = new TestSite()
            .With("content/a.md", TestSite.Article())
            .With("templates/index.html", $"<p>{Uses}</p>\n");

        var build = site.Build();

        Assert.True(build.Result.Published, build.ToString());
        var index = File.ReadAllText(Path.Combine(site.OutputDir, "index.html"));
        Assert.Contains("<p>ABC 1,2,3 3 a&lt;b ab 2024 2 number true</p>", index, StringComparison.Ordinal);
    }
}
