using System.Text.RegularExpressions;
using Site.Localization;
using Site.Tests.Listings;
using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>
/// Russian and Kazakh pages as a reader meets them (issue 15): what Chromium shows and reads out holds no
/// English text that the language's strings table translates, plural forms follow the language, and axe
/// finds nothing on any kind of page in English, Russian or Kazakh.
/// </summary>
[StartsFirst(4)]
public sealed partial class LanguagePagesTests(BrowserFixture browser, MultilingualPages site) : IClassFixture<MultilingualPages>
{
    /// <summary>What a reader sees (the page's title and innerText, so CSS text-transform applies) and hears:
    /// accessible names and descriptions, and the text of an SVG's title and description. A listing's entry
    /// for an article in another language is marked with that language (lang), dates and all, and is left out.</summary>
    private const string ReadableText = """
        () => {
          const lang = document.documentElement.lang;
          const own = e => (e.closest('[lang]')?.getAttribute('lang') ?? lang) === lang;
          for (const e of document.body.querySelectorAll('[lang]')) if (e.getAttribute('lang') !== lang) e.style.display = 'none';
          const attributes = ['aria-label', 'title', 'alt', 'aria-description'];
          const names = [...document.querySelectorAll(attributes.map(a => `[${a}]`).join(','))].filter(own)
            .flatMap(e => attributes.map(a => e.getAttribute(a)).filter(v => v));
          const svg = [...document.querySelectorAll('svg title, svg desc')].filter(own).map(e => e.textContent);
          return [document.title, document.body.innerText, ...names, ...svg].join('\n');
        }
        """;

    public static TheoryData<string, string> TranslatedPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "ru", "kk" })
        {
            foreach (var path in MultilingualPages.Paths(language))
            {
                data.Add(language, path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TranslatedPages))]
    public async Task A_russian_or_kazakh_page_shows_and_names_no_english_text_its_table_translates(string language, string path)
    {
        var english = EnglishTextsTranslatedIn(language);
        Assert.NotEmpty(english);
        var page = await browser.NewPageAsync(1440);
        await page.GotoAsync(site.Url(language, path));
        Assert.Equal(language, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        var shown = Authored().Replace(await page.EvaluateAsync<string>(ReadableText), " ");

        var found = english.Where(phrase => shown.Contains(phrase, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(found.Count == 0, $"English on the {language} page /{path}: {string.Join(" | ", found)}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ru", 1, "1 примечание")]
    [InlineData("ru", 2, "2 примечания")]
    [InlineData("ru", 5, "5 примечаний")]
    [InlineData("ru", 21, "21 примечание")]
    [InlineData("kk", 1, "1 ескертпе")]
    [InlineData("kk", 2, "2 ескертпе")]
    [InlineData("kk", 5, "5 ескертпе")]
    [InlineData("kk", 21, "21 ескертпе")]
    public async Task The_visible_note_count_takes_the_language_plural_form(string language, int notes, string expected)
    {
        var page = await browser.NewPageAsync(1440);
        await page.GotoAsync(site.Url(language, MultilingualSite.SlugWith(language, notes) + "/"));
        // innerText: the words as shown, which a hidden element would not give.
        Assert.Contains(expected, await page.Locator(".dateline").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    public static TheoryData<string, string> EveryPage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in MultilingualSite.Languages)
        {
            // One article of each language stands for the articles: the pages differ only in their counts.
            foreach (var path in MultilingualPages.Paths(language).Skip(MultilingualSite.NoteCounts.Length - 1))
            {
                data.Add(language, path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPage))]
    public Task Axe_finds_no_violations_on_any_kind_of_page_in_each_language(string language, string path) =>
        Axe.AssertNoViolationsAsync(browser.Browser, site.Url(language, path), 1440);

    /// <summary>The English texts of en.yml (and its month names) that <paramref name="language"/>'s table
    /// words differently, cut at their placeholders into the runs of words a page would show.</summary>
    private static List<string> EnglishTextsTranslatedIn(string language)
    {
        var english = SiteStrings.BuiltIn.Text("en").Strings;
        var local = SiteStrings.BuiltIn.Text(language).Strings;
        var texts = new List<string>();
        foreach (var (key, message) in english.Messages)
        {
            var translations = Forms(local.Messages[key]).Select(f => f.Source).ToHashSet(StringComparer.Ordinal);
            texts.AddRange(Forms(message).Where(f => !translations.Contains(f.Source)).Select(f => f.Render(_ => "\u0000", t => t)));
        }
        texts.AddRange(english.Dates.Months.Except(local.Dates.Months.Concat(local.Dates.MonthsWithDay), StringComparer.Ordinal));
        return [.. texts.SelectMany(text => text.Split('\u0000'))
            .Select(part => part.Trim(' ', ',', '.', ':', ';', '(', ')', '“', '”', '"'))
            .Where(part => part.Count(char.IsLetter) >= 3)
            .Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<MessageText> Forms(Message message) => message.Forms?.Values ?? [message.Other];

    [GeneratedRegex(MultilingualSite.AuthoredPattern, RegexOptions.IgnoreCase)]
    private static partial Regex Authored();
}
