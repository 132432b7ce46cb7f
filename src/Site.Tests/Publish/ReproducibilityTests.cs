using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>The same input gives byte-identical output whatever the machine's time zone and culture (issue 5).</summary>
public sealed class ReproducibilityTests
{
    public static TheoryData<string, string, string> Environments => new()
    {
        { "Asia/Almaty", "tr_TR.UTF-8", "0" },
        { "Pacific/Kiritimati", "ar_SA.UTF-8", "0" },
        { "America/St_Johns", "de_DE.UTF-8", "1" },
    };

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Two_builds_under_different_time_zones_and_cultures_are_byte_identical(string timeZone, string culture, string invariant)
    {
        using var site = SiteWithDatesAndNumbers();
        var utc = await BuildIn(site, "utc", new() { ["TZ"] = "UTC", ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8" });
        var other = await BuildIn(site, "other", new()
        {
            ["TZ"] = timeZone,
            ["LANG"] = culture,
            ["LC_ALL"] = culture,
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = invariant,
        });

        Assert.Null(DirectoryTree.Difference(utc, other));
    }

    private static TestSite SiteWithDatesAndNumbers()
    {
        var site = new TestSite()
            .With("content/site.yml", "title: Reproducible\nlanguage: tr\nbase_url: https://example.org/news/\n")
            // Turkish casing (I/ı), a time with an offset near midnight, and numbers: the culture traps.
            .With("content/istanbul.md", TestSite.Article("İstanbul IIIı 1,234.5 and 3.000 items[^i].\n\n[^i]: TITLE in Istanbul.\n", title: "Iİıi TITLE", date: "2024-12-31T23:30:00-05:00", extra: "tags: [Istanbul, TITLE]\n"))
            .With("content/plain.md", TestSite.Article("Plain.\n", title: "Plain", date: "2024-01-02"))
            .With("templates/feed.xml", "<feed>{{ for a in articles }}<e>{{ a.title }} {{ a.date_rfc3339 }} {{ a.date_display }}</e>{{ end }}</feed>\n");
        return site;
    }

    private static async Task<string> BuildIn(TestSite site, string output, Dictionary<string, string> environment)
    {
        var run = await SiteProcess.RunAsync(site.Root, ["build", "--output", output], environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        return site.Path(output);
    }
}
