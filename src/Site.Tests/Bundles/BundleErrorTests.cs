using Site.Tests.Images;
using Site.Tests.Support;

namespace Site.Tests.Bundles;

/// <summary>
/// Issue 14's error cases, through the real program: each mistake with images, bundles, permalinks and
/// URLs is an error at its exact position, all of them in one run, with exit code 1 and the previous
/// output left as it was.
/// </summary>
public sealed class BundleErrorTests
{
    private const string Body = """
        ---
        title: Broken bundle
        date: 2024-01-05
        ---

        ![](photo.jpg)

        Text. ![Not there](missing.jpg)

        ![Outside the site](../../secret.jpg)

        ![A bomb](bomb.png)

        """;

    [Fact]
    public async Task Image_bundle_permalink_and_url_mistakes_exit_1_at_their_positions_and_keep_the_old_output()
    {
        using var site = new TestSite()
            .With("content/site.yml", "title: Test site\npermalink: /{yaer}/{slug}/\n")
            .With("content/broken/index.md", Body)
            .WithBytes("content/broken/photo.jpg", TestImages.Jpeg(64, 48))
            .WithBytes("content/broken/bomb.png", TestImages.PngHeader(100_000, 100_000))
            .With("content/broken/widget.html", "<script>alert(1)</script>\n")
            .With("secret.jpg", "not inside content/\n")
            .With("content/pages/broken.md", "---\ntitle: A page\nslug: broken\n---\nText.\n")
            .With("output/.site-build", "")
            .With("output/old.html", "the previous build\n");

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [
                "content/broken/index.md(6,1): error SITE084: image has no description: write what it shows between the brackets, ![Riot police in Almaty's Republic Square](photo.jpg), for readers who cannot see it",
                "content/broken/index.md(8,7): error SITE085: image 'missing.jpg' does not exist: there is no file content/broken/missing.jpg",
                "content/broken/index.md(10,1): error SITE085: image '../../secret.jpg' is outside content/: put the image in the article's folder, beside its index.md",
                "content/broken/index.md(12,1): error SITE085: image 'bomb.png' cannot be published: 100,000 × 100,000 pixels is 10000 megapixels, over the limit of 120",
                "content/broken/widget.html: error SITE086: not published: a '.html' file can run code in the reader's browser or on the server; set allow_html to publish it",
                "content/pages/broken.md(3,7): error SITE007: slug 'broken' is already used by content/broken/index.md: both would be published at /broken/; give one of them another slug",
                "content/site.yml(2,13): error SITE087: unknown placeholder '{yaer}' in permalink (did you mean '{year}'?); use {year}, {month}, {day}, {slug}, {section}",
            ],
            run.StderrLines);
        Assert.Equal("the previous build\n", File.ReadAllText(site.Path("output/old.html")));
    }
}
