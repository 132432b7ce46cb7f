using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>
/// Publish builds keep the YAML they parsed in .site-cache/build/yaml.bin (issue 16: the sample site's
/// start to exit). Each build here is a process of its own, so what it knows of earlier builds it read
/// from that file.
/// </summary>
public sealed class YamlTreeCacheTests
{
    private const string Sources = "un-report:\n  title: Report of the mission\n  publisher: United Nations\n  url: https://example.org/report\n";

    private static TestSite NewSite() => new TestSite()
        .With("content/sources.yml", Sources)
        .With("content/a.md", TestSite.Article("Claim.[^1]\n\n[^1]: As reported.[@un-report]\n", extra: "tags: [Economy]\n"));

    private static string YamlCache(TestSite site) => site.Path(".site-cache/build/yaml.bin");

    [Fact]
    public async Task A_build_of_an_unchanged_site_parses_nothing_and_writes_what_a_clean_build_writes()
    {
        using var site = NewSite();
        var first = await site.RunAsync("build");
        Assert.True(first.ExitCode == 0, first.ToString());
        var clean = DirectoryTree.Read(site.OutputDir);
        var written = Site.Content.FileStamp.Of(YamlCache(site));

        var second = await site.RunAsync("build");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Null(DirectoryTree.Difference(clean, DirectoryTree.Read(site.OutputDir)));
        // Written again (aside, then renamed: a new file) only when something was parsed: every tree came from the file.
        Assert.Equal(written, Site.Content.FileStamp.Of(YamlCache(site)));
    }

    [Fact]
    public async Task An_edit_of_the_same_length_is_parsed_not_taken_from_the_cache()
    {
        using var site = NewSite();
        var first = await site.RunAsync("build");
        Assert.True(first.ExitCode == 0, first.ToString());
        var settings = File.ReadAllText(site.Path("content/site.yml"));
        site.With("content/site.yml", settings.Replace("Test site", "Test page", StringComparison.Ordinal));

        var second = await site.RunAsync("build");

        Assert.True(second.ExitCode == 0, second.ToString());
        var index = File.ReadAllText(Path.Combine(site.OutputDir, "index.html"));
        Assert.Contains("Test page", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Test site", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trees_copied_as_they_were_by_a_later_save_read_back_as_a_clean_build_parses_them()
    {
        using var site = NewSite();
        Assert.Equal(0, (await site.RunAsync("build")).ExitCode);
        // Parsed afresh: the file is written again, copying the other trees' bytes and keeping their strings' table.
        site.With("content/b.md", TestSite.Article("Another.\n", title: "Second", extra: "tags: [Courts]\n"));
        var second = await site.RunAsync("build");
        Assert.True(second.ExitCode == 0, second.ToString());
        var written = Site.Content.FileStamp.Of(YamlCache(site));

        var third = await site.RunAsync("build");

        Assert.True(third.ExitCode == 0, third.ToString());
        // Not written again: every tree it looked up came from the file.
        Assert.Equal(written, Site.Content.FileStamp.Of(YamlCache(site)));
        var fromCache = DirectoryTree.Read(site.OutputDir);
        var clean = await site.RunAsync("build", "--no-cache");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Null(DirectoryTree.Difference(DirectoryTree.Read(site.OutputDir), fromCache));
    }

    [Theory]
    [InlineData("one byte flipped")]
    [InlineData("truncated")]
    [InlineData("a tree for other text")]
    public async Task A_damaged_cache_is_ignored_and_the_build_is_still_right(string damage)
    {
        using var site = NewSite();
        var first = await site.RunAsync("build");
        Assert.True(first.ExitCode == 0, first.ToString());
        var clean = DirectoryTree.Read(site.OutputDir);
        var bytes = File.ReadAllBytes(YamlCache(site));
        switch (damage)
        {
            case "one byte flipped":
                // In a scalar's text, past the header: the tree would still read, with other words.
                bytes[bytes.Length / 2] ^= 0x01;
                break;
            case "truncated":
                bytes = bytes[..(bytes.Length / 2)];
                break;
            default:
                // Whole and checked, but of another site: its trees are for other text, and never looked up.
                using (var other = new TestSite().With("content/sources.yml", Sources.Replace("Report of", "Account of", StringComparison.Ordinal)))
                {
                    var run = await other.RunAsync("build");
                    Assert.True(run.ExitCode == 0, run.ToString());
                    bytes = File.ReadAllBytes(YamlCache(other));
                }
                break;
        }
        File.WriteAllBytes(YamlCache(site), bytes);

        var second = await site.RunAsync("build");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Null(DirectoryTree.Difference(clean, DirectoryTree.Read(site.OutputDir)));
    }

    [Fact]
    public async Task YAML_with_a_mistake_is_reported_by_every_build()
    {
        using var site = NewSite().With("content/sources.yml", Sources + "broken: [unclosed\n");

        var first = await site.RunAsync("build");
        var second = await site.RunAsync("build");

        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Contains(first.StderrLines, line => line.Contains("error SITE002", StringComparison.Ordinal));
        Assert.Equal(first.StderrLines.Where(l => l.Contains("SITE0", StringComparison.Ordinal)), second.StderrLines.Where(l => l.Contains("SITE0", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_tree_kept_as_bytes_by_a_compaction_reads_back_as_it_was_parsed()
    {
        // Text of its own, so no other test's build has parsed it.
        var yaml = $"title: \"Compacted {Guid.NewGuid()}\"\ntags: [One, Two]\nsources:\n  a:\n    url: https://example.org/a\n";
        var parsed = Site.Content.YamlTree.Parse(yaml, "content/x.md", 2, new Site.Diagnostics.DiagnosticBag());
        Assert.NotNull(parsed);
        // As many trees as a site whose trees are worth compacting parses.
        for (var i = 0; i < 1000; i++)
        {
            Assert.NotNull(Site.Content.YamlTree.Parse($"title: Filler {i} {Guid.NewGuid()}\n", "content/x.md", 2, new Site.Diagnostics.DiagnosticBag()));
        }

        Site.Content.YamlTreeCache.Compact();
        var read = Site.Content.YamlTree.Parse(yaml, "content/x.md", 2, new Site.Diagnostics.DiagnosticBag());

        Assert.NotNull(read);
        Assert.NotSame(parsed, read);
        Assert.Equal(Describe(parsed), Describe(read));
    }

    /// <summary>Every node's kind, position and text, in order.</summary>
    private static string Describe(Site.Content.YamlNode? node) => node switch
    {
        Site.Content.YamlScalar s => $"{s.Line}:{s.Column} {(s.IsPlain ? "plain" : "quoted")} '{s.Value}'",
        Site.Content.YamlList l => $"{l.Line}:{l.Column} [{string.Join(", ", l.Items.Select(Describe))}]",
        Site.Content.YamlMap m => $"{m.Line}:{m.Column} {{{string.Join(", ", m.Entries.Select(e => Describe(e.Key) + ": " + Describe(e.Value)))}}}",
        _ => "null",
    };
}
