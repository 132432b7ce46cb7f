using System.Globalization;
using System.Text;
using Site.Generation;
using Site.Tests.Support;

namespace Site.Tests.Listings;

/// <summary>
/// A generated site of a few hundred small articles in English, Russian and Kazakh, with tags, built once
/// with the default theme for every test of the class that shares it. Some articles carry exactly 1, 2, 5
/// and 21 notes, for plural forms. The site's own language (that of its listing pages) is English unless
/// a test builds it in another.
/// </summary>
public sealed class MultilingualSite : IDisposable
{
    /// <summary>The classes that read the English site share one build of it.</summary>
    public const string Collection = "Multilingual site";

    public const int ArticleCount = 300;
    public static readonly string[] Languages = ["en", "ru", "kk"];
    public static readonly int[] NoteCounts = [1, 2, 5, 21];

    private static readonly string[] Tags = ["Kazakhstan", "Economy", "Qantar", "Энергетика", "Сайлау", "Almaty", "Oil & gas", "Human rights"];

    private readonly TempDirectory _folder = new();

    /// <summary>The article's own words: its title, body sentences and note texts, its tags and the source it
    /// cites, in HTML or as text.</summary>
    public const string AuthoredPattern =
        @"Article \d+|Sentence \d+|Note \d+\.|Claim \d+|An official|Checked|Report|Agency|The Record|Disputed|Accurate|Unsupported|Kazakhstan|Economy|Qantar|Almaty|Oil (?:&amp;|&) gas|Human rights";

    public MultilingualSite()
        : this("en")
    {
    }

    internal MultilingualSite(string siteLanguage)
    {
        WriteContent(_folder, siteLanguage);
        var options = new BuildOptions(_folder.Combine("content"), Path.Combine(RepoRoot.Find(), "templates"), OutputDir);
        Result = SiteBuilder.Build(options);
    }

    internal BuildResult Result { get; }

    /// <summary>Writes the site's <c>content/</c> into <paramref name="folder"/>, for a test that builds it itself.</summary>
    internal static void WriteContent(TempDirectory folder, string siteLanguage)
    {
        folder.Write("content/site.yml", $"title: The Record\nlanguage: {siteLanguage}\nbase_url: https://example.org/news/\npaginate: 20\n");
        for (var i = 0; i < ArticleCount; i++)
        {
            folder.Write($"content/a-{i:000}.md", Article(i));
        }
    }

    public string OutputDir => _folder.Combine("output");

    /// <summary>The slug of the article in <paramref name="language"/> with <paramref name="notes"/> notes.</summary>
    public static string SlugWith(string language, int notes) => $"a-{Array.IndexOf(Languages, language) + (3 * Array.IndexOf(NoteCounts, notes)):000}";

    public string Read(string relative) => File.ReadAllText(Path.Combine(OutputDir, relative));

    public void Dispose() => _folder.Dispose();

    private static string Article(int i)
    {
        var language = Languages[i % 3];
        // The first twelve articles carry 1, 2, 5 and 21 notes, one of each per language; the rest one note.
        var notes = i < 12 ? NoteCounts[i / 3] : 1;
        var date = new DateOnly(2022, 1, 4).AddDays(i * 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tags = string.Join(", ", Enumerable.Range(0, 1 + (i % 3)).Select(k => $"\"{Tags[(i + (k * 3)) % Tags.Length]}\""));
        var body = new StringBuilder($"---\ntitle: \"Article {i}\"\ndate: {date}\nlanguage: {language}\ntags: [{tags}]\n");
        body.Append("sources:\n  src: {title: \"Report\", publisher: Agency, url: \"https://example.com/r\", date: 2022-01-26}\n---\n");
        for (var n = 1; n <= notes; n++)
        {
            body.Append($"Sentence {n}.[^n{n}]\n\n");
        }
        // 60 accurate, 60 unsupported, 180 disputed.
        var verdict = (i % 5) switch { 0 => "Accurate", 1 => "Unsupported", _ => "Disputed" };
        body.Append($"[^n1]: {{fact-check verdict=\"{verdict}\" claim=\"Claim {i}\" claimant=\"An official\"}} Checked ([@src]).\n\n");
        for (var n = 2; n <= notes; n++)
        {
            body.Append($"[^n{n}]: Note {n}.\n\n");
        }
        return body.ToString();
    }
}

/// <summary>One build of the English <see cref="MultilingualSite"/> for every class that reads it.</summary>
[CollectionDefinition(MultilingualSite.Collection)]
public sealed class MultilingualSiteCollection : ICollectionFixture<MultilingualSite>;
