using Scriban.Runtime;
using Site.Diagnostics;
using Site.Localization;
using Site.Templating;
using Site.Tests.Support;

namespace Site.Tests.Localization;

/// <summary>
/// Templates reach a language's strings through the object <c>t</c> (issue 15): rendered here by the build's
/// own <see cref="TemplateSet"/> (strict variables, limits), so plugging it into the page model is all that
/// is left. A mistake in a template is an error at its line and column, as any other template error.
/// </summary>
public sealed class TemplateStringsTests
{
    private const string Everything = """
        {{ t.notes.heading }}|{{ t.pager.page_of number: 2 count: 9 }}|{{ for n in [1, 2, 5, 21] }}{{ t.article.note_count count: n }};{{ end }}|{{ 5 | t.articles.count }}
        {{ t.date "2024-01-04" }}|{{ t.date "2022-01" }}|{{ t.date "2022" }}|{{ t.month 5 }}|{{ t.number 1234.5 }}|{{ t.lang }} {{ t.dir }} {{ t.language_name }}
        """;

    [Theory]
    [InlineData("en", "Notes|Page 2 of 9|1 note;2 notes;5 notes;21 notes;|5 articles\n4 January 2024|January 2022|2022|May|1,234.5|en ltr English")]
    [InlineData("ru", "Примечания|Страница 2 из 9|1 примечание;2 примечания;5 примечаний;21 примечание;|5 статей\n4 января 2024 г.|январь 2022 г.|2022 г.|май|1\u00A0234,5|ru ltr Русский")]
    [InlineData("kk", "Ескертпелер|2-бет, барлығы 9|1 ескертпе;2 ескертпе;5 ескертпе;21 ескертпе;|5 мақала\n2024 жылғы 4 қаңтар|2022 жылғы қаңтар|2022 ж.|мамыр|1\u00A0234,5|kk ltr Қазақша")]
    public void A_template_writes_texts_plurals_dates_and_numbers_in_the_page_language(string language, string expected)
    {
        var (text, diagnostics) = Render(Everything, ShippedTables.Catalog.Resolve(language));

        Assert.Empty(diagnostics);
        Assert.Equal(expected, text);
    }

    /// <summary>og:locale wants language_COUNTRY: the table's own, unless the page's language tag names a country.</summary>
    [Theory]
    [InlineData("en", "en_US")]
    [InlineData("ru", "ru_RU")]
    [InlineData("kk", "kk_KZ")]
    [InlineData("en-GB", "en_GB")]
    [InlineData("kk-Cyrl-kz", "kk_KZ")]
    [InlineData("fr", "fr")]
    public void The_locale_is_the_table_one_unless_the_language_tag_names_a_country(string language, string expected)
    {
        var (text, diagnostics) = Render("{{ t.locale }}", ShippedTables.Catalog.Resolve(language));

        Assert.Empty(diagnostics);
        Assert.Equal(expected, text);
    }

    [Fact]
    public void The_table_text_is_escaped_and_values_are_inserted_as_given()
    {
        var catalog = WithSiteTable("en", "messages:\n  notes:\n    heading: \"Notes <script>alert(1)</script>\"\n  tags:\n    tagged: \"<i>{tag}</i> & co\"\n");

        var (text, diagnostics) = Render("{{ t.notes.heading }}|{{ t.tags.tagged tag: '<b>Qantar</b>' }}", catalog.Resolve("en"));

        Assert.Empty(diagnostics);
        Assert.Equal("Notes &lt;script&gt;alert(1)&lt;/script&gt;|&lt;i&gt;<b>Qantar</b>&lt;/i&gt; &amp; co", text);
    }

    [Fact]
    public void A_template_takes_the_same_values_in_every_language_even_where_a_translation_uses_fewer()
    {
        // The site's Russian leaves the claimant out; a template written for English still works unchanged.
        var catalog = WithSiteTable("ru", "messages:\n  notes:\n    claim_by: \"Утверждение: {claim}\"\n");
        const string template = "{{ t.notes.claim_by claim: '<q>…</q>' claimant: 'Токаев' }}";

        var (russian, ruDiagnostics) = Render(template, catalog.Resolve("ru"));
        var (english, enDiagnostics) = Render(template, catalog.Resolve("en"));

        Assert.Empty(ruDiagnostics.Concat(enDiagnostics));
        Assert.Equal(("Утверждение: <q>…</q>", "Claim: <q>…</q> (Токаев)"), (russian, english));
    }

    public static TheoryData<string, int, string> Mistakes => new()
    {
        { "{{ t.pager.page_of number: 2 }}", 4, "t.pager.page_of needs a value for count: count: … number: …" },
        { "{{ t.pager.page_of number: 2 count: 9 total: 3 }}", 4, "t.pager.page_of has no value 'total'; it takes count: … number: …" },
        { "{{ t.pager.page_of 2 }}", 4, "t.pager.page_of takes its values by name: count: … number: …" },
        { "{{ t.reference.name }}", 4, "t.reference.name needs a value for number" },
        { "{{ t.articles.count count: 'many' }}", 4, "{count} of the message 'articles.count' must be a number, not 'many'" },
        { "{{ t.date 'yesterday' }}", 4, "t.date takes a date like 2024-01-31, 2024-01 or 2024, not 'yesterday'" },
        { "{{ t.month 13 }}", 4, "t.month takes a month number from 1 to 12, not '13'" },
        { "{{ t.number 'many' }}", 4, "t.number takes a number, not 'many'" },
        { "{{ t.date }}", 10, "Invalid number of arguments `0` passed to `t.date` while expecting `1`" },
        { "{{ t.notes.titel }}", 12, "titel" },
        { "{{ t.notes.heading = 'x' }}", 4, "The object is readonly" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_an_error_at_its_line_and_column(string line, int column, string message)
    {
        var (_, diagnostics) = Render("<p>\n" + line + "\n", ShippedTables.Catalog.Resolve("ru"));

        var error = Assert.Single(diagnostics);
        Assert.Equal((2, column, "SITE031", Severity.Error), (error.Line, error.Column, error.Code, error.Severity));
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void One_object_serves_pages_rendered_in_parallel_and_cannot_be_changed_by_them()
    {
        var t = TemplateStrings.Create(ShippedTables.Catalog.Resolve("ru"));
        using var folder = new TempDirectory();
        folder.Write("templates/page.html", Everything);
        folder.Write("templates/meddle.html", "{{ t.notes.heading = 'x' }}");
        var templates = TemplateSet.Load(folder.Combine("templates"), [], 1000, false, new DiagnosticBag());

        var pages = new string?[64];
        Parallel.For(0, pages.Length, i =>
        {
            var diagnostics = new DiagnosticBag();
            templates.Render("meddle.html", new ScriptObject { ["t"] = t }, "meddle.html", diagnostics);
            pages[i] = templates.Render("page.html", new ScriptObject { ["t"] = t }, "page.html", diagnostics);
        });

        Assert.All(pages, page => Assert.Equal(pages[0], page));
        Assert.StartsWith("Примечания|", pages[0], StringComparison.Ordinal);
    }

    private static StringsCatalog WithSiteTable(string language, string yaml)
    {
        var problems = new List<StringsProblem>();
        var theme = StringsFolder.Read(Path.Combine(RepoRoot.Find(), "templates"), problems);
        var catalog = StringsCatalog.Load([theme, [new StringsSource($"site/{language}.yml", yaml)]], problems);
        Assert.Empty(catalog.Problems);
        return catalog;
    }

    /// <summary>Renders <paramref name="template"/> as templates/page.html with <c>t</c> as its only global.</summary>
    private static (string? Text, IReadOnlyList<Diagnostic> Diagnostics) Render(string template, Strings strings)
    {
        using var folder = new TempDirectory();
        folder.Write("templates/page.html", template);
        var diagnostics = new DiagnosticBag();
        var templates = TemplateSet.Load(folder.Combine("templates"), [], 1000, false, diagnostics);
        var text = templates.Render("page.html", new ScriptObject { ["t"] = TemplateStrings.Create(strings) }, "page.html", diagnostics);
        return (text, diagnostics.ToSortedList());
    }
}
