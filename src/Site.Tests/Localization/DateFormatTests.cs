using System.Globalization;
using Site.Localization;

namespace Site.Tests.Localization;

/// <summary>Dates in each language's own style, from the tables alone (issue 15): the same text whatever the
/// machine's culture, calendar or time zone, and without ICU's month names.</summary>
public sealed class DateFormatTests
{
    public static TheoryData<string, string> EveryMonth => new()
    {
        { "en", "4 January 2024|4 February 2024|4 March 2024|4 April 2024|4 May 2024|4 June 2024|4 July 2024|4 August 2024|4 September 2024|4 October 2024|4 November 2024|4 December 2024" },
        { "ru", "4 января 2024 г.|4 февраля 2024 г.|4 марта 2024 г.|4 апреля 2024 г.|4 мая 2024 г.|4 июня 2024 г.|4 июля 2024 г.|4 августа 2024 г.|4 сентября 2024 г.|4 октября 2024 г.|4 ноября 2024 г.|4 декабря 2024 г." },
        { "kk", "2024 жылғы 4 қаңтар|2024 жылғы 4 ақпан|2024 жылғы 4 наурыз|2024 жылғы 4 сәуір|2024 жылғы 4 мамыр|2024 жылғы 4 маусым|2024 жылғы 4 шілде|2024 жылғы 4 тамыз|2024 жылғы 4 қыркүйек|2024 жылғы 4 қазан|2024 жылғы 4 қараша|2024 жылғы 4 желтоқсан" },
    };

    [Theory]
    [MemberData(nameof(EveryMonth))]
    public void A_full_date_in_every_month(string language, string expected)
    {
        var dates = ShippedTables.Catalog.Resolve(language).Dates;

        var formatted = Enumerable.Range(1, 12).Select(month => dates.Format(new DateOnly(2024, month, 4)));

        Assert.Equal(expected, string.Join("|", formatted));
    }

    public static TheoryData<string, string> EveryMonthOfAYear => new()
    {
        { "en", "January 2022|February 2022|March 2022|April 2022|May 2022|June 2022|July 2022|August 2022|September 2022|October 2022|November 2022|December 2022" },
        { "ru", "январь 2022 г.|февраль 2022 г.|март 2022 г.|апрель 2022 г.|май 2022 г.|июнь 2022 г.|июль 2022 г.|август 2022 г.|сентябрь 2022 г.|октябрь 2022 г.|ноябрь 2022 г.|декабрь 2022 г." },
        { "kk", "2022 жылғы қаңтар|2022 жылғы ақпан|2022 жылғы наурыз|2022 жылғы сәуір|2022 жылғы мамыр|2022 жылғы маусым|2022 жылғы шілде|2022 жылғы тамыз|2022 жылғы қыркүйек|2022 жылғы қазан|2022 жылғы қараша|2022 жылғы желтоқсан" },
    };

    [Theory]
    [MemberData(nameof(EveryMonthOfAYear))]
    public void A_source_dated_by_month_in_every_month(string language, string expected)
    {
        var dates = ShippedTables.Catalog.Resolve(language).Dates;

        var formatted = Enumerable.Range(1, 12).Select(month => dates.FormatIso($"2022-{month:00}"));

        Assert.Equal(expected, string.Join("|", formatted));
    }

    [Theory]
    [InlineData("en", "2022")]
    [InlineData("ru", "2022 г.")]
    [InlineData("kk", "2022 ж.")]
    public void A_source_dated_by_year(string language, string expected) =>
        Assert.Equal(expected, ShippedTables.Catalog.Resolve(language).Dates.FormatIso("2022"));

    [Theory]
    [InlineData("2024-01-04T00:30:00+06:00", "4 January 2024")]  // 3 January in UTC: the date is the one written
    [InlineData("2024-12-31T23:30:00-05:00", "31 December 2024")]
    [InlineData("2024-02-29 09:30+06:00", "29 February 2024")]
    [InlineData("2024-01-04", "4 January 2024")]
    [InlineData("0998", "998")]
    public void Dates_as_written_in_front_matter_and_sources(string iso, string expected) =>
        Assert.Equal(expected, ShippedTables.Catalog.Resolve("en").Dates.FormatIso(iso));

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2024-1-4")]
    [InlineData("24")]
    [InlineData("0000")]
    [InlineData("2024/01/04")]
    [InlineData("January 2024")]
    [InlineData("")]
    public void Text_that_is_not_an_ISO_date_is_not_formatted(string text) =>
        Assert.Null(ShippedTables.Catalog.Resolve("en").Dates.FormatIso(text));

    /// <summary>Cultures with other calendars (Thai Buddhist, Persian, Hijri), digits and casing rules. The build
    /// under DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, where ICU is not even loaded, is covered when the build
    /// uses these tables: ReproducibilityTests builds the same site under each and compares the bytes.</summary>
    [Theory]
    [InlineData("th-TH")]
    [InlineData("fa-IR")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    [InlineData("ru-RU")]
    [InlineData("kk-KZ")]
    [InlineData("de-DE")]
    public void Output_is_the_same_under_any_culture(string culture)
    {
        var expected = Everything();
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo other;
        try
        {
            other = CultureInfo.GetCultureInfo(culture);
        }
        catch (CultureNotFoundException)
        {
            // DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1: there is no other culture to switch to, and every other test
            // of this class shows the same text as with ICU.
            Assert.Skip($"no culture data for {culture} (globalization-invariant mode)");
            return;
        }
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = other;

            Assert.Equal(expected, Everything());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }

    /// <summary>Every date form, numbers and plural choices, in all three languages, read afresh.</summary>
    private static string Everything()
    {
        var problems = new List<StringsProblem>();
        var catalog = StringsCatalog.Load([StringsFolder.Read(Path.Combine(Support.RepoRoot.Find(), "templates"), problems)], problems);
        return string.Join("\n", catalog.Languages.Select(language =>
        {
            var strings = catalog.Resolve(language);
            var dates = Enumerable.Range(1, 12).SelectMany(m => new[] { $"2024-{m:00}-28", $"1999-{m:00}", "2010" }).Select(d => strings.Dates.FormatIso(d));
            var counts = new object[] { 0, 1, 2, 5, 21, 1.5m, 1234567.25m, "3.50" }.Select(n => strings.Text("articles.count", ("count", n)));
            return string.Join("|", dates.Concat(counts).Append(strings.Numbers.Format(-1234.5m)));
        }));
    }
}
