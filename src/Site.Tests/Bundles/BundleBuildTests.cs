using AngleSharp.Html.Parser;
using Site.Tests.Images;
using Site.Tests.Support;

namespace Site.Tests.Bundles;

/// <summary>
/// Issue 14: an article that is a folder publishes its images and files beside its page, under the URL its
/// permalink gives it. One site is built twice and checked several ways: the figure's markup, the files
/// written (variants, never the original), and the second build taking every variant from the cache.
/// </summary>
public sealed class BundleBuildTests : IDisposable
{
    private const string Body = """
        ---
        title: Protest in the square
        date: 2024-01-05
        ---

        ![Protesters fill the square](square.jpg "Protesters gather in Almaty — Credit: Jane Doe/Reuters")

        The full text is in [the report](report.pdf).

        ![A chart of fuel prices](img/chart.png)

        """;

    private readonly TestSite _site = new TestSite()
        .With("content/site.yml", "title: Test site\npermalink: /{section}/{year}/{slug}/\n")
        .With("content/world/protest/index.md", Body)
        .WithBytes("content/world/protest/square.jpg", TestImages.Jpeg(2400, 1600))
        .WithBytes("content/world/protest/img/chart.png", TestImages.Png(600, 400))
        .WithBytes("content/world/protest/report.pdf", "%PDF-1.4\n%test\n"u8.ToArray());

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_bundle_publishes_its_images_as_sized_variants_and_its_files_as_they_are()
    {
        var build = _site.Build();

        Assert.True(build.Result.Published, build.ToString());
        var page = Path.Combine(_site.OutputDir, "world/2024/protest");
        var files = Directory.GetFiles(page, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(page, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["annotations.json", "img/chart-480.png", "img/chart-480.webp", "img/chart-600.png", "img/chart-600.webp", "index.html", "report.pdf",
             "square-1600.jpg", "square-1600.webp", "square-480.jpg", "square-480.webp", "square-960.jpg", "square-960.webp"],
            files);
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(page, "index.html")));
        var figure = html.QuerySelector("figure.figure")!;
        Assert.Equal("Protesters gather in Almaty Credit: Jane Doe/Reuters", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("Credit: Jane Doe/Reuters", figure.QuerySelector("figcaption small.credit")!.TextContent);
        var photo = figure.QuerySelector("picture img")!;
        Assert.Equal(("square-1600.jpg", "1600", "1067", "Protesters fill the square"), (photo.GetAttribute("src"), photo.GetAttribute("width"), photo.GetAttribute("height"), photo.GetAttribute("alt")));
        Assert.Equal("square-480.jpg 480w, square-960.jpg 960w, square-1600.jpg 1600w", photo.GetAttribute("srcset"));
        Assert.Equal("square-480.webp 480w, square-960.webp 960w, square-1600.webp 1600w", figure.QuerySelector("picture source[type='image/webp']")!.GetAttribute("srcset"));
        Assert.Null(photo.GetAttribute("loading"));
        var chart = html.QuerySelector("img[alt='A chart of fuel prices']")!;
        Assert.Equal(("img/chart-600.png", "600", "400", "lazy"), (chart.GetAttribute("src"), chart.GetAttribute("width"), chart.GetAttribute("height"), chart.GetAttribute("loading")));
    }

    [Fact]
    public void A_rebuild_with_unchanged_images_takes_every_variant_from_the_cache()
    {
        Assert.True(_site.Build().Result.Published);
        var cache = _site.Path(".site-cache/images");
        var first = Directory.GetFiles(cache, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Equal(20, first.Count); // ten variants, each with its checksum

        var again = _site.Build();

        Assert.True(again.Result.Published, again.ToString());
        Assert.Equal(first, Directory.GetFiles(cache, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public void A_bundle_inside_a_bundle_is_an_article_of_its_own_whatever_the_case_of_its_index_md()
    {
        using var site = new TestSite()
            .With("content/site.yml", "title: Test site\n")
            .With("content/outer/index.md", "---\ntitle: Outer\ndate: 2024-01-05\n---\n\nThe outer story.\n")
            .With("content/outer/inner/Index.md", "---\ntitle: Inner\ndate: 2024-01-06\n---\n\nThe full text is in [the report](report.pdf).\n")
            .WithBytes("content/outer/inner/report.pdf", "%PDF-1.4\n%test\n"u8.ToArray());

        var build = site.Build();

        Assert.True(build.Result.Published, build.ToString());
        var reports = Directory.GetFiles(site.OutputDir, "report.pdf", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.OutputDir, f).Replace('\\', '/')).ToList();
        var inner = Directory.GetFiles(site.OutputDir, "index.html", SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains("The full text is in", StringComparison.Ordinal));
        Assert.Equal([Path.GetRelativePath(site.OutputDir, Path.Combine(Path.GetDirectoryName(inner)!, "report.pdf")).Replace('\\', '/')], reports);
    }
}
