using System.Text.RegularExpressions;
using Site.Localization;

namespace Site.Tests.Listings;

/// <summary>Articles in Russian and Kazakh get Site's words in their language: no English word Site wrote,
/// their own plural forms and dates, and their language in lang, the feed and the JSON-LD.</summary>
[Collection(MultilingualSite.Collection)]
public sealed partial class LanguageTests(MultilingualSite site)
{
    [Fact]
    public void The_site_of_three_languages_builds_without_a_problem() =>
        Assert.True(site.Result.Published && site.Result.Diagnostics.Count == 0, string.Join("\n", site.Result.Diagnostics));

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public void A_russian_or_kazakh_page_has_no_english_word_site_wrote(string language)
    {
        var english = SiteStrings.BuiltIn.Text("en").Strings;
        // Every English text of the table, cut at its placeholders, that is a word or more (not "{a}, {b}").
        var phrases = english.Messages.Values
            .SelectMany(m => m.IsPlural ? new[] { m.Other } : [m.Other])
            .SelectMany(text => Placeholder().Split(text.Render(_ => "\u0000", t => t)))
            .Select(part => part.Trim(' ', ',', '.', ':', '(', ')', '\u0000'))
            .Where(part => part.Length >= 4 && part.Any(char.IsLetter))
            .Concat(["January", "February", "December"])
            .Distinct()
            .ToList();
        foreach (var notes in MultilingualSite.NoteCounts)
        {
            var page = site.Read(MultilingualSite.SlugWith(language, notes) + "/index.html");
            // What a reader sees or hears, without the author's own words ("Sentence 1", "Note 2").
            var written = Authored().Replace(ReadableText(page), "");
            Assert.All(phrases, phrase => Assert.DoesNotContain(phrase, written, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("ru", 1, "1 примечание")]
    [InlineData("ru", 2, "2 примечания")]
    [InlineData("ru", 5, "5 примечаний")]
    [InlineData("ru", 21, "21 примечание")]
    [InlineData("kk", 1, "1 ескертпе")]
    [InlineData("kk", 21, "21 ескертпе")]
    [InlineData("en", 1, "1 note<")]
    [InlineData("en", 21, "21 notes<")]
    public void The_note_count_takes_the_language_plural_form(string language, int notes, string expected) =>
        Assert.Contains(expected, site.Read(MultilingualSite.SlugWith(language, notes) + "/index.html"), StringComparison.Ordinal);

    [Theory]
    [InlineData("en", "4 January 2022", "Notes", "Cited in note")]
    [InlineData("ru", "4 января 2022 г.", "Примечания", "Упоминается в примечании")]
    [InlineData("kk", "2022 жылғы 4 қаңтар", "Ескертпелер", "")]
    public void Dates_and_headings_are_in_the_article_language(string language, string date, string heading, string citedIn)
    {
        // a-000, a-001 and a-002 are dated 4, 7 and 10 January 2022.
        var index = Array.IndexOf(MultilingualSite.Languages, language);
        var page = site.Read(MultilingualSite.SlugWith(language, 1) + "/index.html");
        Assert.Contains(date.Replace("4", (4 + (3 * index)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), page, StringComparison.Ordinal);
        Assert.Contains($">{heading}</h2>", page, StringComparison.Ordinal);
        Assert.Contains(citedIn, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("kk")]
    public void The_page_lang_og_locale_the_feed_entry_and_the_json_ld_follow_the_article_language(string language)
    {
        var slug = MultilingualSite.SlugWith(language, 1);
        var page = site.Read(slug + "/index.html");
        Assert.Contains($"<html lang=\"{language}\" dir=\"ltr\">", page, StringComparison.Ordinal);
        var locale = language switch { "en" => "en_US", "ru" => "ru_RU", _ => "kk_KZ" };
        Assert.Contains($"<meta property=\"og:locale\" content=\"{locale}\">", page, StringComparison.Ordinal);
        Assert.Contains($"\"inLanguage\":\"{language}\"", page.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // The feed holds the newest 50: articles 299, 298 and 297, one in each language.
        var newest = MultilingualSite.ArticleCount - 3 + Array.IndexOf(MultilingualSite.Languages, language);
        Assert.Matches($"<entry xml:lang=\"{language}\">\\s*<title>Article {newest}</title>", site.Read("feed.xml"));
    }

    /// <summary>The page's text and accessible names: tags, scripts and other attributes dropped.</summary>
    private static string ReadableText(string page)
    {
        var withoutScripts = Script().Replace(page, " ");
        var names = string.Join(" ", AccessibleName().Matches(withoutScripts).Select(m => m.Groups[1].Value));
        return Tag().Replace(withoutScripts, " ") + " " + names;
    }

    [GeneratedRegex(@"<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex("(?:aria-label|title|alt|content)=\"([^\"]*)\"")]
    private static partial Regex AccessibleName();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();

    /// <summary>The article's own words: its title, body sentences and note texts, and the source it cites.</summary>
    [GeneratedRegex(MultilingualSite.AuthoredPattern)]
    private static partial Regex Authored();
}
