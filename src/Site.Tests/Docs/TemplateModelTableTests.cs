using System.Text.RegularExpressions;
using Scriban.Runtime;
using Site.Localization;
using Site.Templating;
using Site.Tests.Support;

namespace Site.Tests.Docs;

/// <summary>
/// The README's table of what templates see is what the model converter gives them, name for name, so
/// the documentation cannot drift from the code again. Every field is filled in, so a field the converter
/// leaves out shows as missing.
/// </summary>
public sealed partial class TemplateModelTableTests
{
    private static readonly SiteModel Site = new("Site", "en", "Desk", "News", "https://example.org/", [new VerdictModel("Accurate", "The claim is correct.", 5)], [new MenuModel("About", "about/")]);
    private static readonly PageModel Page = new("A title", "A summary", "a/", "../", "https://example.org/a/");
    private static readonly ArticleModel Listed = new(
        "A title", "a", "a/", "https://example.org/a/", "2024-01-04", "2024-01-04T00:00:00Z", "4 January 2024",
        "A summary", "Desk", ["tag"], false, new OriginalPublicationModel("Post", "https://example.com/"),
        Kind: "analysis", KindLabel: "Analysis", ModifiedRfc3339: "2024-01-05T00:00:00Z", CorrectionsId: "a--corrections",
        Corrections: [new CorrectionModel(1, "a--correction-1", "correction", "Correction", "2024-01-05", "5 January 2024", "A figure was wrong.")],
        Language: "en", TagLinks: [new TagLinkModel("Tag", "tags/tag/")],
        Translations: [new TranslationModel("ru", "Русский", "Заголовок", "ru-a/", "https://example.org/ru-a/", "ru_RU", Draft: false)]);

    private static readonly ArchiveMonthModel Month = new(2024, 1, "January 2024", "archive/2024/01/", 1);

    private static readonly TagModel Tag = new("Tag", "tag", "tags/tag/", "https://example.org/tags/tag/", "tags/tag/feed.xml", 1);

    [Fact]
    public void The_readme_lists_every_variable_and_field_templates_see_and_no_other()
    {
        var documented = DocumentedVariables();
        var models = new ScriptModel(Site, SiteStrings.BuiltIn);
        var articlePage = models.Globals(new PageGlobals(Page, Listed with { Page = new ArticlePageModel("<p>", "<section>", "<section>", 1, "{}") }));
        var listingPage = models.Globals(new PageGlobals(Page, Listing: new ListingModel([Listed], "2024-01-04T00:00:00Z", [Tag], [Month]) { Pages = [Listed with { IsPage = true }] }, Tag: Tag, Pager: PagerModel.For("", 2, 3), Month: Month,
            FactChecks: [new VerdictGroupModel("Disputed", "Contested.", 2, "verdict-1", 1, 100, [new ClaimModel("C", "Disputed", "X", "A title", "a/", "a/#n", "2024-01-04", "4 January 2024")])]));
        ScriptModel.SetContent(listingPage, "<h1>");

        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["site"] = Fields(articlePage["site"]),
            ["page"] = Fields(articlePage["page"]),
            ["article"] = Fields(articlePage["article"]),
            ["articles"] = Fields(Assert.IsType<ScriptArray>(listingPage["articles"])[0]),
            ["source"] = Fields(Member(articlePage["article"], "source")),
            ["corrections"] = Fields(Assert.IsType<ScriptArray>(Member(articlePage["article"], "corrections"))[0]),
            ["tag"] = Fields(listingPage["tag"]),
            ["pager"] = Fields(listingPage["pager"]),
            ["month"] = Fields(listingPage["month"]),
            ["fact_checks"] = Fields(Assert.IsType<ScriptArray>(listingPage["fact_checks"])[0]),
            ["claims"] = Fields(Assert.IsType<ScriptArray>(Member(Assert.IsType<ScriptArray>(listingPage["fact_checks"])[0], "claims"))[0]),
            ["archive"] = Fields(Assert.IsType<ScriptArray>(listingPage["archive"])[0]),
            ["tags"] = Fields(Assert.IsType<ScriptArray>(listingPage["tags"])[0]),
            ["tag_links"] = Fields(Assert.IsType<ScriptArray>(Member(articlePage["article"], "tag_links"))[0]),
            ["translations"] = Fields(Assert.IsType<ScriptArray>(Member(articlePage["article"], "translations"))[0]),
            ["verdicts"] = Fields(Assert.IsType<ScriptArray>(Assert.IsType<ScriptObject>(articlePage["site"])["verdicts"])[0]),
            ["menu"] = Fields(Assert.IsType<ScriptArray>(Assert.IsType<ScriptObject>(articlePage["site"])["menu"])[0]),
            ["pages"] = Fields(Assert.IsType<ScriptArray>(listingPage["pages"])[0]),
        };
        foreach (var name in articlePage.Keys.Concat(listingPage.Keys).Where(name => !seen.ContainsKey(name)))
        {
            seen[name] = "";
        }

        Assert.Equal(seen, documented);
    }

    [Fact]
    public void Only_an_articles_own_page_sees_its_rendered_parts()
    {
        var globals = new ScriptModel(Site, SiteStrings.BuiltIn).Globals(new PageGlobals(Page, Listed));

        Assert.DoesNotContain("body", Assert.IsAssignableFrom<IScriptObject>(globals["article"]).GetMembers());
        Assert.False(Assert.IsAssignableFrom<IScriptObject>(globals["article"]).Contains("body"));
        Assert.False(globals.ContainsKey("articles"));
        Assert.False(globals.ContainsKey("updated"));
    }

    /// <summary>Variable → its fields, comma-separated and sorted ("" for a plain value), from the README.</summary>
    private static SortedDictionary<string, string> DocumentedVariables()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));
        var section = readme[readme.IndexOf("| Variable | Where | Fields |", StringComparison.Ordinal)..];
        var rows = VariableRow().Matches(section[..section.IndexOf("\n\n", StringComparison.Ordinal)]);
        Assert.NotEmpty(rows);
        return new SortedDictionary<string, string>(
            rows.ToDictionary(r => r.Groups[1].Value, r => string.Join(",", Name().Matches(r.Groups[2].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal))),
            StringComparer.Ordinal);
    }

    private static string Fields(object? model) =>
        string.Join(",", Assert.IsAssignableFrom<IScriptObject>(model).GetMembers().Order(StringComparer.Ordinal));

    private static object? Member(object? model, string name)
    {
        Assert.True(Assert.IsAssignableFrom<IScriptObject>(model).TryGetValue(null, default, name, out var value), name);
        return value;
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \|[^|]*\| (.+?) \|$", RegexOptions.Multiline)]
    private static partial Regex VariableRow();

    [GeneratedRegex("`([a-z_0-9]+)`")]
    private static partial Regex Name();
}
