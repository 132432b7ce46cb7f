using Site.Generation;

namespace Site.Tests.Generation;

/// <summary>The link check reads plain links without <see cref="Uri"/>: whatever it reads so must read as Uri
/// reads it, and the shapes pages are made of must be read so.</summary>
public sealed class PlainLinksTests
{
    [Theory]
    [InlineData("//observer.example.com/2021/some-article/1", "observer.example.com")]
    [InlineData("//Audit.Example.GOV", "Audit.Example.GOV")]
    [InlineData("//stat.example.gov/search?q=wages&year=2022#table-3", "stat.example.gov")]
    [InlineData("//localhost/", "localhost")]
    public void Plain_links_to_other_sites_are_read_without_Uri(string afterScheme, string host) =>
        Assert.Equal(host, PlainLinks.ExternalHost(afterScheme).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("//")]
    [InlineData("example.com/x")]
    [InlineData("//example.com:8080/x")]
    [InlineData("//user@example.com/")]
    [InlineData("//127.0.0.1/")]
    [InlineData("//1.2.3/")]
    [InlineData("//0x7f/")]
    [InlineData("//xn--e1afmkfd.example/")]
    [InlineData("//ex_ample.com/")]
    [InlineData("//example..com/")]
    [InlineData("//example.com./")]
    [InlineData("//-example.com/")]
    [InlineData("//пример.рф/")]
    [InlineData("//example.com/a b")]
    [InlineData("//example.com/%41")]
    [InlineData("//example.com/a\\b")]
    [InlineData("//example.com/#a#b")]
    [InlineData("//[::1]/")]
    public void Other_links_to_other_sites_are_left_to_Uri(string afterScheme) =>
        Assert.True(PlainLinks.ExternalHost(afterScheme).IsEmpty);

    [Theory]
    [InlineData("/archive/2015/11/index.html", "../../../some-article-12/", "/some-article-12/", null)]
    [InlineData("/a/index.html", "../assets/site.css", "/assets/site.css", null)]
    [InlineData("/a/index.html", "../other/#a-heading", "/other/", "a-heading")]
    [InlineData("/news/a/index.html", "/news/tags/x/?page=2#top", "/news/tags/x/", "top")]
    [InlineData("/a/index.html", "./b/./c/..", "/a/b/", null)]
    [InlineData("/a/index.html", "..", "/", null)]
    [InlineData("/a/index.html", "b#", "/a/b", null)]
    public void Plain_paths_within_the_site_are_resolved_without_Uri(string page, string link, string path, string? fragment)
    {
        Assert.True(PlainLinks.TryResolve(page, link, out var resolved, out var resolvedFragment));
        Assert.Equal((path, fragment), (resolved, resolvedFragment));
    }

    [Theory]
    [InlineData("/a/index.html", "../../x/")]
    [InlineData("/a/index.html", "?page=2")]
    [InlineData("/a/index.html", "b%20c/")]
    [InlineData("/a/index.html", "b//c/")]
    [InlineData("/a/index.html", "//example.com/")]
    [InlineData("/a/index.html", "b/#x#y")]
    [InlineData("/новости/a/index.html", "../b/")]
    [InlineData("/a/../index.html", "b/")]
    public void Other_paths_are_left_to_Uri(string page, string link) =>
        Assert.False(PlainLinks.TryResolve(page, link, out _, out _));

    /// <summary>Links built at random from pieces that matter to URLs: every one read as plain must read as Uri
    /// reads it, and plenty must be plain for the comparison to mean anything.</summary>
    [Fact]
    public void Random_links_read_as_plain_read_as_Uri_reads_them()
    {
        string[] hostPieces = ["example", "com", "a-b", "x1", "1", "0x7f", "xn--p1ai", "-", ".", "..", ":80", "@", "_", "Ex", "[::1]", "%41", "é", ""];
        string[] pathPieces = ["/", "a", "b.c", ".", "..", "...", "a.", ".a", "~", "-", "_", "%2e", "%41", "?", "#", "=", "&", "+", ";", ":", "@", "!", "$", "*", "(",
            "'", " ", "\\", "[", "]", "|", "\"", "<", "{", "é", "д", "\t"];
        var random = new Random(20261203);
        var (plainHosts, plainPaths) = (0, 0);
        for (var run = 0; run < 100_000; run++)
        {
            var host = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => hostPieces[random.Next(hostPieces.Length)]));
            var path = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => pathPieces[random.Next(pathPieces.Length)]));
            var external = "//" + host + (path.StartsWith('/') || path.Length == 0 ? path : "/" + path);
            if (PlainLinks.ExternalHost(external) is { IsEmpty: false } plainHost)
            {
                plainHosts++;
                Assert.True(Uri.TryCreate("https:" + external, UriKind.Absolute, out var uri), external);
                Assert.Equal(uri.Host, plainHost.ToString(), StringComparer.OrdinalIgnoreCase);
            }
            var page = "/" + string.Join('/', Enumerable.Range(0, random.Next(1, 4)).Select(_ => pathPieces[random.Next(1, 6)])) + "/index.html";
            var link = (random.Next(4) == 0 ? "/" : "") + path;
            if (PlainLinks.TryResolve(page, link, out var resolved, out var fragment))
            {
                plainPaths++;
                var uri = new Uri(new Uri("https://site.invalid" + page), link);
                Assert.Equal(Uri.UnescapeDataString(uri.AbsolutePath), resolved);
                Assert.Equal(uri.Fragment.Length > 1 ? Uri.UnescapeDataString(uri.Fragment[1..]) : null, fragment);
            }
        }
        Assert.True(plainHosts > 2_000 && plainPaths > 2_000, $"{plainHosts} plain hosts, {plainPaths} plain paths");
    }
}
