using System.Text.RegularExpressions;
using Site.Localization;
using Site.Tests.Support;

namespace Site.Tests.Localization;

/// <summary>The theme's tables (templates/i18n/en.yml, ru.yml, kk.yml) are clean and complete: no problem
/// when loaded, every key translated, and no English left in the Russian and Kazakh texts.</summary>
public sealed partial class ShippedTablesTests
{
    [Fact]
    public void The_theme_tables_load_without_a_single_problem()
    {
        var catalog = ShippedTables.Catalog;

        Assert.Empty(catalog.Problems);
        Assert.Equal(["en", "kk", "ru"], catalog.Languages);
        Assert.All(catalog.Languages, language => Assert.Empty(catalog.Resolve(language).Problems));
    }

    [Fact]
    public void Read_language_by_language_as_the_program_does_the_theme_tables_resolve_as_when_read_at_once()
    {
        var sources = StringsFolder.Read(Path.Combine(RepoRoot.Find(), "templates"), []);
        var late = StringsCatalog.LoadShipped(sources);

        Assert.Equal(ShippedTables.Catalog.Languages, late.Languages);
        // Resolved at once from several threads, as pages rendered in parallel do.
        var resolved = late.Languages.AsParallel().Select(language => (language, Strings: late.Resolve(language))).ToList();
        foreach (var (language, strings) in resolved)
        {
            var atOnce = ShippedTables.Catalog.Resolve(language);
            Assert.Empty(strings.Problems);
            Assert.Equal((atOnce.Name, atOnce.HasTable), (strings.Name, strings.HasTable));
            Assert.Equal(atOnce.Messages.Select(m => (m.Key, m.Value.Other.Source)), strings.Messages.Select(m => (m.Key, m.Value.Other.Source)));
        }
    }

    [Theory]
    [InlineData("en", "English")]
    [InlineData("ru", "Русский")]
    [InlineData("kk", "Қазақша")]
    public void Each_language_names_itself_and_reads_left_to_right(string language, string name)
    {
        var strings = ShippedTables.Catalog.Resolve(language);

        Assert.Equal((name, TextDirection.Ltr, true), (strings.Name, strings.Direction, strings.HasTable));
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public void Russian_and_Kazakh_texts_have_no_Latin_letters_and_keep_every_placeholder(string language)
    {
        var catalog = ShippedTables.Catalog;
        var english = catalog.Resolve("en");
        var strings = catalog.Resolve(language);

        foreach (var (key, message) in strings.Messages)
        {
            var englishPlaceholders = english.Messages[key].Placeholders;
            foreach (var form in message.Forms?.Values ?? [message.Other])
            {
                Assert.False(Latin().IsMatch(Placeholder().Replace(form.Source, "")), $"{language} '{key}' has Latin letters: {form.Source}");
                Assert.True(englishPlaceholders.SetEquals(form.Placeholders), $"{language} '{key}' uses {string.Join(", ", form.Placeholders)}; English uses {string.Join(", ", englishPlaceholders)}");
            }
        }
    }

    /// <summary>The issue's check: 1, 2, 5 and 21 notes, in each language's own plural forms.</summary>
    [Theory]
    [InlineData("en", "1 note|2 notes|5 notes|21 notes|1.5 notes")]
    [InlineData("ru", "1 примечание|2 примечания|5 примечаний|21 примечание|1,5 примечания")]
    [InlineData("kk", "1 ескертпе|2 ескертпе|5 ескертпе|21 ескертпе|1,5 ескертпе")]
    public void Note_counts_take_each_language_plural_forms(string language, string expected)
    {
        var strings = ShippedTables.Catalog.Resolve(language);

        var counts = new object[] { 1, 2, 5, 21, 1.5m }.Select(n => strings.Text("article.note_count", ("count", n)));

        Assert.Equal(expected, string.Join("|", counts));
    }

    [Theory]
    [InlineData("en", "1 article|3 articles|11 articles|22 articles|101 articles|1,000 articles")]
    [InlineData("ru", "1 статья|3 статьи|11 статей|22 статьи|101 статья|1\u00A0000 статей")]
    [InlineData("kk", "1 мақала|3 мақала|11 мақала|22 мақала|101 мақала|1\u00A0000 мақала")]
    public void Article_counts_are_grouped_and_agree_with_the_number(string language, string expected)
    {
        var strings = ShippedTables.Catalog.Resolve(language);

        var counts = new object[] { 1, 3, 11, 22, 101, 1000 }.Select(n => strings.Text("articles.count", ("count", n)));

        Assert.Equal(expected, string.Join("|", counts));
    }

    [Theory]
    [InlineData("en", "a b c d e f g h i j k l m n o p q r s t u v w x y z")]
    [InlineData("ru", "а б в г д е ж з и к л м н о п р с т у ф х ц ч ш щ э ю я")]
    [InlineData("kk", "а ә б в г ғ д е ж з и к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ і э ю я")]
    public void Back_link_letters_are_the_alphabet_in_order(string language, string letters)
    {
        var strings = ShippedTables.Catalog.Resolve(language);

        Assert.Equal(letters, strings.Text("notes.backlink_letters"));
        Assert.Equal(letters.Split(' ').Length, letters.Split(' ').Distinct().Count());
    }

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    [GeneratedRegex(@"\{[a-z_0-9]+\}")]
    private static partial Regex Placeholder();
}
