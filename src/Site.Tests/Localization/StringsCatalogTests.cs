using Site.Diagnostics;
using Site.Localization;
using Site.Tests.Support;

namespace Site.Tests.Localization;

/// <summary>
/// Loading strings tables in layers (theme, then site) and resolving a language (issue 15): a site
/// overrides key by key, languages fall back kk-KZ → kk → en, a key missing in a language falls back to
/// English and is reported, and every mistake in a table is a problem at its file(line,col).
/// </summary>
public sealed class StringsCatalogTests
{
    private const string English = """
        language: { name: English, direction: ltr, plural: { one: "i = 1 and v = 0" } }
        dates:
          months: [January, February, March, April, May, June, July, August, September, October, November, December]
          date: "{day} {month} {year}"
          month_year: "{month} {year}"
          year: "{year}"
        messages:
          notes:
            heading: Notes
            count: { one: "{count} note", other: "{count} notes" }
          reference:
            name: "Note {number}"
          pager:
            page_of: "Page {number} of {count}"

        """;

    private const string RussianRules = """
        language:
          name: Русский
          plural:
            one: "v = 0 and i % 10 = 1 and i % 100 != 11"
            few: "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"
            many: "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14"

        """;

    [Fact]
    public void A_missing_key_falls_back_to_English_and_is_reported()
    {
        var catalog = Load([("theme/en.yml", English), ("theme/ru.yml", RussianRules + "messages:\n  notes: { heading: Примечания }\n")]);

        var ru = catalog.Resolve("ru");

        Assert.Empty(catalog.Problems);
        Assert.Equal("Примечания", ru.Text("notes.heading"));
        Assert.Equal("Note 3", ru.Text("reference.name", ("number", 3)));
        Assert.True(ru.HasTable);
        Assert.Equal("Русский", ru.Name);
        DiagnosticAssert.Exactly(
            Lines(ru.Problems),
            ("theme/ru.yml: warning:", "no ru text for 'notes.count'; the English one is used"),
            ("theme/ru.yml: warning:", "no ru text for 'pager.page_of'; the English one is used"),
            ("theme/ru.yml: warning:", "no ru text for 'reference.name'; the English one is used"));
    }

    [Fact]
    public void A_site_table_overrides_the_theme_key_by_key()
    {
        var catalog = Load(
            [("theme/en.yml", English), ("theme/ru.yml", RussianRules + """
                dates:
                  months: [январь, февраль, март, апрель, май, июнь, июль, август, сентябрь, октябрь, ноябрь, декабрь]
                  months_with_day: [января, февраля, марта, апреля, мая, июня, июля, августа, сентября, октября, ноября, декабря]
                  date: "{day} {month} {year} г."
                messages:
                  notes: { heading: Примечания, count: { one: "{count} примечание", few: "{count} примечания", many: "{count} примечаний", other: "{count} примечания" } }
                  reference: { name: "Примечание {number}" }
                  pager: { page_of: "Страница {number} из {count}" }

                """)],
            [("site/ru.yml", "dates:\n  date: \"{day} {month} {year}\"\nmessages:\n  notes:\n    heading: Сноски\n")]);

        var ru = catalog.Resolve("ru");

        Assert.Empty(catalog.Problems);
        Assert.Empty(ru.Problems);
        Assert.Equal("Сноски", ru.Text("notes.heading"));
        Assert.Equal("5 примечаний", ru.Text("notes.count", ("count", 5)));
        Assert.Equal("Примечание 2", ru.Text("reference.name", ("number", 2)));
        // The site's date pattern, the theme's month names.
        Assert.Equal("4 января 2024", ru.Dates.Format(new DateOnly(2024, 1, 4)));
        Assert.Equal("январь 2022", ru.Dates.FormatIso("2022-01"));
    }

    [Fact]
    public void Month_names_after_a_day_never_come_from_another_language()
    {
        var englishWithDay = English.Replace("  date: ", "  months_with_day: [of January, of February, of March, of April, of May, of June, of July, of August, of September, of October, of November, of December]\n  date: ");
        const string kazakh = "dates:\n  months: [қаңтар, ақпан, наурыз, сәуір, мамыр, маусым, шілде, тамыз, қыркүйек, қазан, қараша, желтоқсан]\n  date: \"{year} жылғы {day} {month}\"\n";
        const string russian = "dates:\n  months: [январь, февраль, март, апрель, май, июнь, июль, август, сентябрь, октябрь, ноябрь, декабрь]\n  months_with_day: [января, февраля, марта, апреля, мая, июня, июля, августа, сентября, октября, ноября, декабря]\n  date: \"{day} {month} {year}\"\n";
        // The site capitalises the Russian month names; the theme's forms after a day stay.
        const string siteRussian = "dates:\n  months: [Январь, Февраль, Март, Апрель, Май, Июнь, Июль, Август, Сентябрь, Октябрь, Ноябрь, Декабрь]\n";
        var catalog = Load([("theme/en.yml", englishWithDay), ("theme/kk.yml", kazakh), ("theme/ru.yml", russian)], [("site/ru.yml", siteRussian)]);

        var dates = new[] { "en", "kk", "kk-KZ", "ru" }.Select(l => catalog.Resolve(l).Dates).ToList();

        Assert.Empty(catalog.Problems);
        Assert.Equal(
            ["4 of March 2024", "2024 жылғы 4 наурыз", "2024 жылғы 4 наурыз", "4 марта 2024"],
            dates.Select(d => d.Format(new DateOnly(2024, 3, 4))));
        Assert.Equal("Март 2024", dates[3].FormatIso("2024-03"));
    }

    [Fact]
    public void A_site_can_change_the_English_text_and_add_its_own_keys()
    {
        var catalog = Load([("theme/en.yml", English)], [("site/en.yml", "messages:\n  notes:\n    heading: Footnotes\n  newsletter:\n    signup: Sign up\n")]);

        var en = catalog.Resolve("en");

        Assert.Empty(catalog.Problems);
        Assert.Equal("Footnotes", en.Text("notes.heading"));
        Assert.Equal("Sign up", en.Text("newsletter.signup"));
        Assert.Equal("2 notes", en.Text("notes.count", ("count", 2)));
    }

    [Fact]
    public void Languages_fall_back_from_region_to_language_to_English()
    {
        var catalog = Load(
            [("theme/en.yml", English), ("theme/kk.yml", "language: { name: Қазақша, plural: { one: \"n = 1\" } }\nmessages:\n  notes: { heading: Ескертпелер }\n")],
            [("site/kk-KZ.yml", "messages:\n  reference: { name: \"{number}-ескертпе\" }\n")]);

        var regional = catalog.Resolve("kk-KZ");
        var lowercase = catalog.Resolve("kk-kz");
        var withScript = catalog.Resolve("kk-Cyrl-KZ");
        var unknown = catalog.Resolve("pt-BR");
        var british = catalog.Resolve("en-GB");

        Assert.Equal(["en", "kk", "kk-KZ"], catalog.Languages);
        Assert.Equal(("Ескертпелер", "3-ескертпе", "Қазақша"), (regional.Text("notes.heading"), regional.Text("reference.name", ("number", 3)), regional.Name));
        Assert.Equal("3-ескертпе", lowercase.Text("reference.name", ("number", 3)));
        Assert.Equal("Ескертпелер", withScript.Text("notes.heading"));
        Assert.Equal(PluralCategory.One, withScript.Plural.Select(1.0m));
        Assert.Equal(("Notes", false), (unknown.Text("notes.heading"), unknown.HasTable));
        Assert.Empty(unknown.Problems);
        Assert.Equal(("Notes", true), (british.Text("notes.heading"), british.HasTable));
        Assert.Empty(british.Problems);
        Assert.Equal(2, regional.Problems.Count);
        Assert.All(regional.Problems, p => Assert.Equal("site/kk-KZ.yml", p.File));
    }

    [Fact]
    public void A_translation_may_not_invent_keys_or_placeholders()
    {
        var catalog = Load([("theme/en.yml", English), ("theme/ru.yml", RussianRules + """
            messages:
              notes:
                haeding: Примечания
                count: { one: "{count} примечание {extra}", few: "{count} примечания", many: "{count} примечаний", other: "{count} примечания" }
              reference:
                name: { one: "Примечание {number}", other: "Примечания {number}" }
              pager:
                page_of: "Страница {number} из {count} {total}"
              archive:
                heading: Архив

            """)]);

        DiagnosticAssert.Exactly(
            Lines(catalog.Problems),
            ("theme/ru.yml(9,14): error:", "unknown key 'notes.haeding' (did you mean 'notes.heading'?)"),
            ("theme/ru.yml(10,12): error:", "'notes.count' uses {extra}, which the English text does not give: it has {count}"),
            ("theme/ru.yml(12,11): error:", "'reference.name' has plural forms, but no {count} to choose one by"),
            ("theme/ru.yml(14,14): error:", "'pager.page_of' uses {total}, which the English text does not give: it has {count}, {number}"),
            ("theme/ru.yml(16,14): error:", "unknown key 'archive.heading': every key must be in the English table"));
    }

    [Fact]
    public void Plural_forms_are_checked_against_the_language_rules()
    {
        var catalog = Load([("theme/en.yml", English), ("theme/ru.yml", RussianRules + """
            messages:
              notes:
                count: { one: "{count} примечание", two: "{count} примечания", other: "{count} примечания" }

            """)]);

        DiagnosticAssert.Exactly(
            Lines(catalog.Problems),
            ("theme/ru.yml(9,12): warning:", "'notes.count' has a 'two' form, which the plural rules of ru never choose"),
            ("theme/ru.yml(9,12): warning:", "'notes.count' has no 'few' form, which the plural rules of ru choose (one, few, many, other); 'other' is used instead"),
            ("theme/ru.yml(9,12): warning:", "'notes.count' has no 'many' form"));
        Assert.Equal("5 примечания", catalog.Resolve("ru").Text("notes.count", ("count", 5)));
    }

    [Fact]
    public void A_plural_message_chooses_its_form_by_count_and_a_plain_one_ignores_it()
    {
        var catalog = Load([("theme/en.yml", English), ("theme/kk.yml", "language: { plural: { one: \"n = 1\" } }\nmessages:\n  notes: { count: \"{count} ескертпе\" }\n")]);

        var en = catalog.Resolve("en");
        var kk = catalog.Resolve("kk");

        Assert.Empty(catalog.Problems);
        Assert.Equal(["1 note", "2 notes", "1.5 notes", "1,234 notes"], new object[] { 1, 2, 1.5m, 1234 }.Select(n => en.Text("notes.count", ("count", n))));
        Assert.Equal(["1 ескертпе", "5 ескертпе"], new object[] { 1, 5 }.Select(n => kk.Text("notes.count", ("count", n))));
    }

    [Fact]
    public void Missing_values_and_unknown_keys_are_errors_for_the_caller()
    {
        var en = Load([("theme/en.yml", English)]).Resolve("en");

        Assert.Contains("needs a value for {number}", Assert.Throws<ArgumentException>(() => en.Text("reference.name")).Message, StringComparison.Ordinal);
        Assert.Contains("needs {count}", Assert.Throws<ArgumentException>(() => en.Text("notes.count")).Message, StringComparison.Ordinal);
        Assert.Contains("must be a number", Assert.Throws<ArgumentException>(() => en.Text("notes.count", ("count", "many"))).Message, StringComparison.Ordinal);
        Assert.Contains("no strings table has the key 'notes.headline'", Assert.Throws<ArgumentException>(() => en.Text("notes.headline")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_escapes_the_table_text_but_not_the_values()
    {
        var catalog = Load([("theme/en.yml", English)], [("site/en.yml", "messages:\n  reference:\n    name: \"<b>Note</b> & {number}\"\n")]);
        var en = catalog.Resolve("en");

        Assert.Equal("&lt;b&gt;Note&lt;/b&gt; &amp; <a href=\"#n3\">3</a>", en.Html("reference.name", ("number", "<a href=\"#n3\">3</a>")));
        Assert.Equal("<b>Note</b> & 3", en.Text("reference.name", ("number", 3)));
    }

    public static TheoryData<string, string, string> MalformedTables => new()
    {
        { "messages: [notes", "ru.yml(2,1): error:", "invalid YAML: While parsing a flow sequence" },
        { "just text", "ru.yml(1,1): error:", "a strings table is a mapping with the sections language, numbers, dates and messages" },
        { "language: { name: Русский }\nmesages: {}\n", "ru.yml(2,1): error:", "unknown strings table key 'mesages' (did you mean 'messages'?)" },
        { "language:\n  direction: up\n", "ru.yml(2,14): error:", "'direction' must be ltr or rtl, not 'up'" },
        { "language:\n  locale: ru-RU\n", "ru.yml(2,11): error:", "'locale' must be a language and a country, as Open Graph writes them (kk_KZ), not 'ru-RU'" },
        { "language:\n  plural:\n    one: \"v = 0 and i % 10 == 1\"\n", "ru.yml(3,10): error:", "the plural rule for 'one' is not valid CLDR syntax: expected a whole number at column 19, found '='" },
        { "language:\n  plural:\n    single: \"n = 1\"\n", "ru.yml(3,5): error:", "'single' is not a plural category; CLDR's are zero, one, two, few, many, other" },
        { "language:\n  plural:\n    other: \"n = 1\"\n", "ru.yml(3,12): error:", "'other' takes no rule" },
        { "language:\n  plural:\n    few: \"\"\n", "ru.yml(3,10): error:", "the rule for 'few' is empty" },
        { "language:\n  plural: \"n = 1\"\n", "ru.yml(2,11): error:", "'plural' must map plural categories" },
        { "dates:\n  months: [январь, февраль]\n", "ru.yml(2,11): error:", "'months' must list the 12 month names, January first" },
        { "dates:\n  date: \"{day} {month} {yaer}\"\n", "ru.yml(2,9): error:", "the date pattern 'date' uses {yaer}; it may use {day}, {month}, {year}" },
        { "dates:\n  year: \"{year\"\n", "ru.yml(2,9): error:", "'{' at column 1 is not closed; write '{{' for a brace" },
        { "numbers:\n  minimum_grouping_digits: 5\n", "ru.yml(2,28): error:", "'minimum_grouping_digits' must be 1, 2 or 3, not '5'" },
        { "numbers:\n  decimal: \"\"\n", "ru.yml(2,12): error:", "'decimal' must not be empty" },
        { "messages:\n  notes:\n    heading: \"Примечания {Number}\"\n", "ru.yml(3,14): error:", "'notes.heading': '{Number}' at column 12 is not a placeholder" },
        { "messages:\n  notes:\n    heading: \"Примечания }\"\n", "ru.yml(3,14): error:", "'notes.heading': '}' at column 12 closes nothing; write '}}' for a brace" },
        { "messages:\n  notes:\n    heading: [Примечания]\n", "ru.yml(3,14): error:", "'notes.heading' must be a text, or a mapping of plural forms" },
        { "messages:\n  notes:\n    heading:\n", "ru.yml(3,13): error:", "'notes.heading' has no text; write \"\" for an empty one" },
        { "messages:\n  notes:\n    heading: \"a\\u0007b\"\n", "ru.yml(3,14): error:", "'notes.heading' contains the character U+0007" },
        { "messages:\n  notes:\n    Heading: Примечания\n", "ru.yml(3,5): error:", "'Heading' is not a valid key" },
        { "messages:\n  notes:\n    count: { one: \"{count} примечание\" }\n", "ru.yml(3,12): error:", "the plural message 'notes.count' needs an 'other' form" },
        { "messages:\n  notes:\n    count: { one: \"{count}\", lots: \"{count}\", other: \"{count}\" }\n", "ru.yml(3,30): error:", "'lots' is not a plural category; the forms of 'notes.count' are named zero, one, two, few, many, other" },
        { "messages: 3\n", "ru.yml(1,11): error:", "'messages' must be a mapping of keys to texts" },
        { "messages:\n  notes:\n    heading: &h Примечания\n  reference:\n    name: *h\n", "ru.yml(5,11): error:", "YAML aliases (*h) are not allowed" },
    };

    [Theory]
    [MemberData(nameof(MalformedTables))]
    public void A_malformed_table_is_reported_at_its_position(string yaml, string where, string says)
    {
        var catalog = Load([("theme/en.yml", English), ("ru.yml", yaml)]);

        DiagnosticAssert.Exactly(Lines(catalog.Problems), (where, says));
        // What could be read still serves; the rest falls back.
        Assert.Equal("Notes", catalog.Resolve("ru").Text("notes.heading"));
    }

    [Fact]
    public void The_English_table_cannot_take_reserved_names_or_clash_and_a_near_miss_is_warned()
    {
        var catalog = Load(
            [("theme/en.yml", English + "  date:\n    updated: Updated\n")],
            [("site/en.yml", "messages:\n  notes:\n    heding: Footnotes\n  pager: Pages\n")]);

        DiagnosticAssert.Exactly(
            Lines(catalog.Problems),
            ("site/en.yml(3,13): warning:", "'notes.heding' is a new key, not one of the theme's (did you mean 'notes.heading'?)"),
            ("site/en.yml(4,10): error:", "'pager' cannot be both a text and a group of texts: there is also 'pager.page_of'"),
            ("theme/en.yml(16,14): error:", "'date.updated' cannot be a key: templates reach t.date as the language's own"));
    }

    [Fact]
    public void A_file_that_is_not_named_for_a_language_or_no_English_table_is_an_error()
    {
        var catalog = Load([("theme/ru_RU.yml", "messages: {}\n"), ("theme/ru.yml", "messages:\n  notes: { heading: Примечания }\n")]);

        DiagnosticAssert.Exactly(
            Lines(catalog.Problems),
            ("i18n/en.yml: error:", "there is no English strings table"),
            ("theme/ru.yml(2,21): error:", "unknown key 'notes.heading'"),
            ("theme/ru_RU.yml: error:", "'ru_RU' is not a language tag; name strings tables like en.yml, ru.yml or kk-KZ.yml"));
        // Nothing to go on: dates still come out, as digits.
        Assert.StartsWith("2024-01-", catalog.Resolve("ru").Dates.Format(new DateOnly(2024, 1, 4)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_i18n_folder_holds_only_tables()
    {
        using var folder = new TempDirectory();
        folder.Write("templates/i18n/en.yml", English);
        folder.Write("templates/i18n/ru.yaml", "messages: {}\n");
        folder.Write("templates/i18n/.ru.yml.swp", "editor junk");
        folder.Write("templates/i18n/old/ru.yml", "messages: {}\n");
        folder.WriteBytes("templates/i18n/kk.yml", [0x6d, 0x3a, 0x20, 0xff, 0x0a]);
        var problems = new List<StringsProblem>();

        var sources = StringsFolder.Read(folder.Combine("templates"), problems);

        Assert.Equal(["en.yml"], sources.Select(s => Path.GetFileName(s.File)));
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal(Severity.Error, p.Severity));
        Assert.Contains(problems, p => p.File.EndsWith("i18n/ru.yaml", StringComparison.Ordinal) && p.Message.Contains("named like en.yml", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File.EndsWith("i18n/old", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File.EndsWith("i18n/kk.yml", StringComparison.Ordinal) && p.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void A_theme_with_copies_of_Site_tables_and_one_changed_word_writes_the_changed_word()
    {
        using var folder = new TempDirectory();
        var own = Path.Combine(RepoRoot.Find(), "templates", StringsFolder.Name);
        foreach (var table in Directory.GetFiles(own, "*.yml"))
        {
            folder.Write($"templates/i18n/{Path.GetFileName(table)}", File.ReadAllText(table));
        }
        var copies = SiteStrings.Load(folder.Combine("templates"), folder.Combine("content"), new DiagnosticBag());
        folder.Write("templates/i18n/ru.yml", File.ReadAllText(Path.Combine(own, "ru.yml")).Replace("heading: Примечания", "heading: Сноски", StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();

        var changed = SiteStrings.Load(folder.Combine("templates"), folder.Combine("content"), diagnostics);

        Assert.Equal("Примечания", copies.Text("ru").NotesHeading);
        Assert.Equal("Сноски", changed.Text("ru").NotesHeading);
        Assert.Equal("Notes", changed.Text("en").NotesHeading);
        Assert.Empty(diagnostics.ToSortedList());
    }

    [Fact]
    public void No_i18n_folder_means_no_tables()
    {
        using var folder = new TempDirectory();
        var problems = new List<StringsProblem>();

        Assert.Empty(StringsFolder.Read(folder.Path, problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Site_own_tables_read_a_language_when_it_is_resolved_and_report_its_problems_each_time()
    {
        var catalog = StringsCatalog.LoadShipped(Sources([("theme/en.yml", English), ("theme/ru.yml", RussianRules + """
            messages:
              notes:
                heading: Примечания
                count: { one: "{count} примечание", few: "{count} примечания", many: "{count} примечаний", other: "{count} примечания" }
              reference:
                name: "Примечание {number}"
              pager:
                page_of: "Страница {number} из {count}"
              archive:
                heading: Архив

            """)]));

        // Not read yet: the catalog names it, but English alone has been checked.
        Assert.Equal(["en", "ru"], catalog.Languages);
        Assert.Empty(catalog.Problems);
        Assert.Empty(catalog.Resolve("en").Problems);
        for (var time = 0; time < 2; time++)
        {
            var ru = catalog.Resolve("RU");
            Assert.Equal(("Русский", "3 примечания"), (ru.Name, ru.Text("notes.count", ("count", 3))));
            DiagnosticAssert.Exactly(Lines(ru.Problems), ("theme/ru.yml(16,14): error:", "unknown key 'archive.heading': every key must be in the English table"));
        }
    }

    private static StringsCatalog Load(IEnumerable<(string File, string Yaml)> theme, IEnumerable<(string File, string Yaml)>? site = null) =>
        StringsCatalog.Load([Sources(theme), Sources(site ?? [])]);

    private static List<StringsSource> Sources(IEnumerable<(string File, string Yaml)> files) =>
        [.. files.Select(f => new StringsSource(f.File, f.Yaml))];

    private static List<string> Lines(IEnumerable<StringsProblem> problems) => [.. problems.Select(p => p.ToString())];
}
