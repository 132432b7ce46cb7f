using System.Globalization;
using System.Text;
using Site.Tests.Listings;
using Site.Tests.Support;

namespace Site.Tests.Generation;

/// <summary>The same input gives byte-identical output, whatever the machine's time zone and culture.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task Sample_site_builds_byte_identical_twice_across_time_zones_and_cultures()
    {
        var repo = RepoRoot.Find();
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        // Far apart on both counts: UTC+14 with Turkish (dotted/dotless i) and UTC-10 with Arabic.
        // Separate programs into separate folders: run side by side.
        var (one, two) = (Build(repo, first, new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" }),
            Build(repo, second, new Dictionary<string, string> { ["TZ"] = "America/Adak", ["LANG"] = "ar_SA.UTF-8", ["LC_ALL"] = "ar_SA.UTF-8" }));
        await Task.WhenAll(one, two);

        Assert.True(one.Result.ExitCode == 0, one.Result.ToString());
        Assert.True(two.Result.ExitCode == 0, two.Result.ToString());
        DirectoryAssert.Identical(first.Combine("output"), second.Combine("output"));
    }

    /// <summary>Issue 15's pages (tags and their feeds, pages of the index, the archive, the fact-check index
    /// and claims.json, articles in Russian and Kazakh with their dates and plurals) under time zones a day
    /// apart, cultures with other digits, calendars and casing, and without ICU at all.</summary>
    [Fact]
    public async Task A_site_in_three_languages_builds_byte_identical_across_time_zones_cultures_and_invariant_globalization()
    {
        var repo = RepoRoot.Find();
        using var site = new TempDirectory();
        MultilingualSite.WriteContent(site, "ru");
        Dictionary<string, string>[] environments =
        [
            new() { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "ru_RU.UTF-8", ["LC_ALL"] = "ru_RU.UTF-8" },
            new() { ["TZ"] = "America/Adak", ["LANG"] = "ar_SA.UTF-8", ["LC_ALL"] = "ar_SA.UTF-8" },
            new() { ["TZ"] = "Asia/Bangkok", ["LANG"] = "th_TH.UTF-8", ["LC_ALL"] = "th_TH.UTF-8" },
            new() { ["TZ"] = "UTC", ["LANG"] = "C.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" },
        ];
        // Four programs reading the same content into their own output folders, without the cache they could
        // share: independent, so run side by side.
        var runs = await Task.WhenAll(environments.Select((environment, i) => SiteProcess.RunAsync(site.Path,
            ["build", "--content", site.Combine("content"), "--templates", Path.Combine(repo, "templates"), "--output", $"output-{i}", "--no-cache"], environment)));
        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));

        var first = site.Combine("output-0");
        var ru = MultilingualSite.SlugWith("ru", 21);
        var kk = MultilingualSite.SlugWith("kk", 21);
        Assert.All(["tags/qantar/index.html", "tags/qantar/feed.xml", "tags/index.html", "page/2/index.html", "archive/index.html",
                "archive/2022/01/index.html", "fact-checks/index.html", "claims.json", $"{ru}/index.html", $"{kk}/index.html"],
            file => Assert.True(File.Exists(Path.Combine(first, file)), $"the build wrote no {file}"));
        for (var i = 1; i < environments.Length; i++)
        {
            DirectoryAssert.Identical(first, site.Combine($"output-{i}"));
        }
    }

    [Fact]
    public async Task Sample_site_output_has_no_build_timestamp()
    {
        var repo = RepoRoot.Find();
        using var temp = new TempDirectory();

        var run = await Build(repo, temp, new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.ToString());
        var today = DateTime.UtcNow.Date;
        // A day the content itself names (an article dated today) is the content's date, not a build stamp.
        var contentText = string.Concat(Directory.EnumerateFiles(Path.Combine(repo, "content"), "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        var stamps = new[] { today.AddDays(-1), today, today.AddDays(1) }
            .Where(day => !contentText.Contains(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .SelectMany(day => new[] { "yyyy-MM-dd", "d MMMM yyyy", "dd MMM yyyy", "yyyy/MM/dd", "MM/dd/yyyy" }
                .Select(format => day.ToString(format, CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var (name, bytes) in DirectoryTree.Read(temp.Combine("output")))
        {
            var text = Encoding.UTF8.GetString(bytes);
            Assert.All(stamps, stamp => Assert.False(text.Contains(stamp, StringComparison.Ordinal), $"{name} contains today's date '{stamp}'"));
        }
    }

    [Fact]
    public async Task Output_does_not_depend_on_the_working_directory()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article("A claim.[^n]\n\n[^n]: A note ([source](https://example.org)).\n"));
        using var elsewhere = new TempDirectory();

        var inSite = await site.RunAsync("build");
        var fromElsewhere = await SiteProcess.RunAsync(
            elsewhere.Path,
            ["build", "--content", site.Path("content"), "--templates", site.Path("templates"), "--output", elsewhere.Combine("output")]);

        Assert.True(inSite.ExitCode == 0, inSite.ToString());
        Assert.True(fromElsewhere.ExitCode == 0, fromElsewhere.ToString());
        DirectoryAssert.Identical(site.OutputDir, elsewhere.Combine("output"));
    }

    /// <summary>Builds the repository's sample content and templates, with a base URL so that the
    /// sitemap and feed, which carry dates, are written too.</summary>
    private static Task<ProcessResult> Build(string repo, TempDirectory temp, Dictionary<string, string> environment) =>
        SiteProcess.RunAsync(
            temp.Path,
            ["build", "--content", Path.Combine(repo, "content"), "--templates", Path.Combine(repo, "templates"), "--output", "output", "--base-url", "https://example.org/news/"],
            environment);
}
