using System.Text;
using System.Text.RegularExpressions;
using Site.Generation;
using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>
/// A publish build with the render cache (.site-cache/build) writes exactly what a clean build writes,
/// whatever was edited since the last one: random edit sequences on a generated site, each incremental
/// build compared byte for byte with a clean build of the same input (issue 16). Some articles are
/// translations of others (issue 15): their pages show each other's titles and addresses, so an edit to one
/// must render the others again though their files did not change.
/// </summary>
public sealed partial class IncrementalBuildTests
{
    private const int Articles = 30;
    private const int Steps = 25;

    /// <summary>SITE_TEST_SEED replays one sequence: the seed is printed with every failure.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SITE_TEST_SEED"), out var seed) ? seed : 16;

    [Fact]
    public void After_every_random_edit_the_incremental_build_is_byte_identical_to_a_clean_build()
    {
        using var site = new GeneratedSite(new Random(Seed));
        var story = site.AddTranslatedStory();
        var log = new StringBuilder($"seed {Seed} (replay with SITE_TEST_SEED={Seed})\n");
        site.BuildAndCompare(log.Append($"step 0: first build, with {string.Join(", ", story.Select(GeneratedSite.Slug))} translations of one story\n"));
        var carried = 0;
        var translationEdits = 0;
        for (var step = 1; step <= Steps; step++)
        {
            var edit = site.EditAtRandom();
            log.Append($"step {step}: {edit.Description}\n");
            translationEdits += edit.Description.Contains("translat", StringComparison.Ordinal) ? 1 : 0;
            var before = site.PageStamps();
            var listingsBefore = site.ListingStamps();
            site.BuildAndCompare(log);
            if (edit.BodyOnly is { } edited)
            {
                // Carried, not rendered: every other article's page is the same file as before, and so is every
                // listing page, feed and the sitemap, since none of them shows an article's body.
                var after = site.PageStamps();
                var redone = before.Keys.Where(slug => slug != edited && after.TryGetValue(slug, out var stamp) && stamp != before[slug]).ToList();
                var listingsAfter = site.ListingStamps();
                redone.AddRange(listingsBefore.Keys.Where(path => listingsAfter.TryGetValue(path, out var stamp) && stamp != listingsBefore[path]));
                Assert.True(redone.Count == 0, $"{log}re-rendered although unchanged: {string.Join(", ", redone)}");
                carried += before.Count - 1 + listingsBefore.Count;
            }
        }
        Assert.True(carried > 0, $"{log}no step changed an article body only; pick another seed");
        Assert.True(translationEdits > 0, $"{log}no step edited a translation; pick another seed");
    }

    [Fact]
    public void An_edit_that_keeps_the_file_length_and_write_time_is_seen_even_when_file_stamps_are_trusted()
    {
        using var site = new GeneratedSite(new Random(Seed));
        site.TruncateWriteTimes();
        site.BuildAndCompare(new StringBuilder("step 0: first build\n"));
        // Stamps taken less than 2 s after a file changed are not trusted (the racy rule): wait them out, so
        // the next build takes unchanged files by their stamp alone, unread.
        Thread.Sleep(TimeSpan.FromSeconds(2.5));
        site.BuildAndCompare(new StringBuilder("step 1: nothing changed, 2.5 s later\n"));
        var before = site.PageStamps();

        var edited = site.SameLengthEditOfOne();
        site.BuildAndCompare(new StringBuilder($"step 2: {edited}'s body changed, its length and write time kept\n"));

        Assert.NotEqual(before[edited], site.PageStamps()[edited]);
    }

    [Fact]
    public void A_corrupt_truncated_or_foreign_cache_is_ignored_and_the_build_is_still_right()
    {
        using var site = new GeneratedSite(new Random(Seed));
        site.BuildAndCompare(new StringBuilder());
        var cache = site.Path(".site-cache/build/pages.bin");
        foreach (var damage in new[] { "truncated", "one byte flipped", "another format", "empty", "for another output folder" })
        {
            var log = new StringBuilder($"seed {Seed}, cache {damage}\n");
            var bytes = File.ReadAllBytes(cache);
            switch (damage)
            {
                case "truncated":
                    bytes = bytes[..(bytes.Length / 2)];
                    break;
                case "one byte flipped":
                    bytes[bytes.Length / 3] ^= 0x20;
                    break;
                case "another format":
                    bytes = Encoding.UTF8.GetBytes("\u0013site render cache 0 and then anything");
                    break;
                case "empty":
                    bytes = [];
                    break;
                default:
                    // Whole and valid, for the same site, but made for an output folder elsewhere.
                    site.BuildInto("elsewhere");
                    bytes = File.ReadAllBytes(cache);
                    break;
            }
            File.WriteAllBytes(cache, bytes);
            var before = site.PageStamps();

            site.BuildAndCompare(log);

            // Not trusted in any part: every page was rendered again.
            var after = site.PageStamps();
            Assert.True(before.All(page => page.Value != after[page.Key]), $"{log}a page was carried on the word of a damaged cache");
        }
    }

    [Fact]
    public void A_page_edited_by_hand_in_the_output_folder_is_rendered_again_not_carried()
    {
        using var site = new GeneratedSite(new Random(Seed));
        site.BuildAndCompare(new StringBuilder());
        var page = Path.Combine(site.IncrementalOutput, "art-03", "index.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("<h1>", "<h1>HACKED ", StringComparison.Ordinal));

        site.BuildAndCompare(new StringBuilder("output page edited by hand\n"));
    }

    [Fact]
    public void An_edit_stages_into_the_output_the_build_before_swapped_out_and_one_spare_is_kept()
    {
        using var site = new GeneratedSite(new Random(Seed));
        site.BuildAndCompare(new StringBuilder("step 0: first build\n"));
        var first = Site.Content.FileStamp.Of(Path.Combine(site.IncrementalOutput, "art-03")).Inode;
        for (var step = 1; step <= 3; step++)
        {
            var log = new StringBuilder($"step {step}: {site.ChangeTitle(5)}\n");
            site.BuildAndCompare(log);
            Assert.True(Directory.EnumerateDirectories(site.Path(""), ".site-spare-output-*").Count() == 1, $"{log}not one spare beside output/");
            // The manifest keeps the stamps of folders the build staged into unchanged, without taking them again:
            // each must be what output/ has now, or the next build could not keep a spare.
            var saved = RenderCacheFile.Read(site.Path(".site-cache/build/pages.bin"), site.IncrementalOutput)?.Output;
            Assert.True(saved is not null, $"{log}no manifest saved");
            Assert.Equal(OutputManifest.Take(site.IncrementalOutput, saved.Files)!.Folders, saved.Folders);
            if (step == 2)
            {
                // Step 1 staged from nothing and kept step 0's tree as the spare; step 2 staged into that tree.
                Assert.True(Site.Content.FileStamp.Of(Path.Combine(site.IncrementalOutput, "art-03")).Inode == first, $"{log}the spare was not taken");
            }
        }
    }

    [Fact]
    public void Files_added_to_the_output_folder_by_hand_do_not_come_back_through_the_spare()
    {
        using var site = new GeneratedSite(new Random(Seed));
        site.BuildAndCompare(new StringBuilder("step 0: first build\n"));
        site.BuildAndCompare(new StringBuilder($"step 1: {site.ChangeTitle(5)}\n"));
        File.WriteAllText(Path.Combine(site.IncrementalOutput, "extra.html"), "mine");
        File.WriteAllText(Path.Combine(site.IncrementalOutput, "art-03", "extra.txt"), "mine");
        // The first build replaces the tree holding them, the second would stage into it were it kept.
        for (var step = 2; step <= 3; step++)
        {
            site.BuildAndCompare(new StringBuilder($"files added to output/ by hand; step {step}: {site.ChangeTitle(5)}\n"));
        }
    }

    [Fact]
    public void With_no_cache_every_page_is_rendered_again_and_the_output_is_the_same()
    {
        using var site = new GeneratedSite(new Random(Seed));
        site.BuildAndCompare(new StringBuilder());
        var before = site.PageStamps();

        site.BuildAndCompare(new StringBuilder("--no-cache\n"), noCache: true);

        var after = site.PageStamps();
        Assert.All(before, page => Assert.NotEqual(page.Value, after[page.Key]));
    }

    [Fact]
    public void A_new_photo_in_one_article_renders_that_article_again_and_carries_every_other_page()
    {
        using var site = new GeneratedSite(new Random(Seed));
        site.WritePhotoStory(Images.TestImages.Jpeg(800, 600));
        site.BuildAndCompare(new StringBuilder("step 0: a photo story\n"));
        var before = site.PageStamps();

        site.WritePhotoStory(Images.TestImages.Jpeg(900, 600));
        site.BuildAndCompare(new StringBuilder("step 1: its photo replaced\n"));

        var after = site.PageStamps();
        Assert.NotEmpty(before);
        Assert.All(before, page => Assert.Equal(page.Value, after[page.Key]));
    }

    [Fact]
    public void Editing_adding_or_removing_a_translation_renders_its_translations_again_and_no_other_page()
    {
        using var site = new GeneratedSite(new Random(Seed));
        var story = site.AddTranslatedStory();
        var slugs = story.Select(GeneratedSite.Slug).ToList();
        var log = new StringBuilder($"seed {Seed}: {string.Join(", ", slugs)} in English, Russian and Kazakh\n");
        site.BuildAndCompare(log);
        foreach (var (description, edit) in new (string, Func<string>)[]
        {
            ("the Russian title changed", () => site.ChangeTitle(story[1])),
            ("the Kazakh translation deleted", () => site.DeleteTranslation(story[2])),
            ("a Kazakh translation added", () => site.AddTranslation(story[0], "kk")),
            ("the Russian key changed: it names a missing translation", () => site.ChangeKey(story[1], "another-story")),
            ("the Russian key put back", () => site.ChangeKey(story[1], site.KeyOf(story[0]))),
        })
        {
            var before = site.PageStamps();
            log.Append(description).Append(": ").Append(edit()).Append('\n');
            site.BuildAndCompare(log);
            // Only the story's pages change; a failed build leaves every page where it was.
            var redone = before.Keys.Where(slug => site.PageStamps().TryGetValue(slug, out var stamp) && stamp != before[slug]).Order(StringComparer.Ordinal).ToList();
            Assert.True(redone.All(slugs.Contains), $"{log}re-rendered: {string.Join(", ", redone)}");
        }
    }

    [Fact]
    public void An_edit_to_a_fact_check_alone_makes_claims_json_and_the_fact_check_page_again_and_any_other_edit_carries_them()
    {
        using var site = new GeneratedSite(new Random(Seed));
        var log = new StringBuilder($"seed {Seed}\n");
        site.BuildAndCompare(log.Append("step 0: first build\n"));
        // The fact-check page lists the claims, and like every listing page it may show the site's tags: it is made
        // again when either changes. claims.json shows the claims alone.
        foreach (var (description, edit, claimsChange, pageChanges) in new (string, Func<string>, bool, bool)[]
        {
            ("a body edit outside the fact-check", () => site.ChangeBody(3), false, false),
            ("a verdict changed", () => site.ChangeVerdict(3, "Misleading"), true, true),
            ("a claim's text changed", () => site.ChangeClaim(4), true, true),
            ("a claimant added", () => site.AddClaimant(5), true, true),
            ("a fact-check made a plain note", () => site.RemoveFactCheck(6), true, true),
            ("the verdict put back", () => site.ChangeVerdict(3, "Accurate"), true, true),
            ("tags changed", () => site.ChangeTags(7), false, true),
        })
        {
            var before = site.FactCheckStamps();
            log.Append(description).Append(": ").Append(edit()).Append('\n');
            site.BuildAndCompare(log);
            var after = site.FactCheckStamps();
            Assert.True(before.Count == 2 && after.Count == 2, $"{log}claims.json or fact-checks/ missing");
            var (json, page) = (before.Keys.First(), before.Keys.Last());
            Assert.True((after[json] != before[json]) == claimsChange, $"{log}claims.json {(claimsChange ? "carried although a claim changed" : "made again although no claim changed")}");
            Assert.True((after[page] != before[page]) == pageChanges, $"{log}fact-checks/ {(pageChanges ? "carried although what it shows changed" : "made again although nothing it shows changed")}");
        }
    }

    /// <summary>A generated site of <see cref="Articles"/> annotated articles citing shared sources and each
    /// other, each with a fact-check (so claims.json and the fact-check index list carried articles too), with
    /// feed, sitemap, 404 page and an asset, and the random edits made to it.</summary>
    private sealed partial class GeneratedSite : IDisposable
    {
        private const string Settings = "language: en\nbase_url: https://example.org/news/\npaginate: 4\n";
        private static readonly string[] Words = ["budget", "council", "river", "bridge", "school", "tariff", "harvest", "court", "election", "archive"];
        private static readonly string[] Tags = ["Economy", "Courts", "Water", "Schools", "Elections"];

        private readonly TempDirectory _folder = new();
        private readonly Random _random;
        private readonly List<int> _live = [];
        private readonly Dictionary<int, int> _linksTo = [];

        /// <summary>The translation_key of each article that has translations, and the language of each not in English.</summary>
        private readonly Dictionary<int, string> _keys = [];
        private readonly Dictionary<int, string> _languages = [];
        private int _next;

        /// <summary>The next edit, when the last one broke a link: the build fails, then the site is repaired.</summary>
        private Func<string>? _undo;

        public GeneratedSite(Random random)
        {
            _random = random;
            Write("content/site.yml", "title: Incremental Gazette\n" + Settings);
            Write("content/sources.yml", Sources("Ministry report"));
            Write("templates/layout.html", "<!doctype html>\n<html lang=\"{{ site.language }}\"><head><title>{{ page.title }} · {{ site.title }}</title>"
                + "<link rel=\"stylesheet\" href=\"{{ page.root }}assets/style.css\"></head>\n<body>\n{{ content }}\n</body></html>\n");
            Write("templates/article.html", "<article><h1>{{ article.title }}</h1><p>{{ article.date_display }}</p>\n"
                + "{{ for t in article.translations }}<a hreflang=\"{{ t.language }}\" href=\"{{ page.root }}{{ t.url }}\">{{ t.language_name }}: {{ t.title }}</a>\n{{ end }}"
                + "{{ article.body }}{{ article.notes }}{{ article.sources }}</article>\n");
            Write("templates/index.html", "<ol>\n{{~ for a in articles ~}}\n<li><a href=\"{{ page.root }}{{ a.url }}\">{{ a.title }}</a> {{ a.summary }}</li>\n{{~ end ~}}\n</ol>\n");
            Write("templates/feed.xml", "<feed updated=\"{{ updated }}\">{{ for a in articles }}<entry>{{ a.title | html.escape }} {{ a.permalink }}</entry>{{ end }}</feed>\n");
            Write("templates/sitemap.xml", "<urlset>{{ for a in articles }}<url>{{ a.permalink }}</url>{{ end }}</urlset>\n");
            Write("templates/fact-checks.html", "{{ for g in fact_checks }}<h2 id=\"{{ g.id }}\">{{ g.verdict }}: {{ g.count }} ({{ g.bar }}%)</h2>\n"
                + "{{ for c in g.claims }}<p>{{ c.claim }} · {{ c.claimant }} · <a href=\"{{ page.root }}{{ c.url }}\">{{ c.title }}</a> {{ c.date_display }}</p>\n{{ end }}{{ end }}");
            Write("templates/404.html", "<h1>Not here</h1><a href=\"{{ page.root }}\">Home</a>\n");
            Write("templates/assets/style.css", "body { margin: 0 }\n");
            for (var i = 0; i < Articles; i++)
            {
                AddArticle();
            }
        }

        public string IncrementalOutput => _folder.Combine("output");

        public string Path(string relative) => _folder.Combine(relative);

        public void Dispose() => _folder.Dispose();

        /// <summary>Builds incrementally and clean, and fails the test, with the log, unless both agree:
        /// the same diagnostics, the same outcome and, when published, the same bytes in every file.</summary>
        public void BuildAndCompare(StringBuilder log, bool noCache = false)
        {
            var incremental = Build("output", cache: true, noCache);
            var clean = Build("clean", cache: false, noCache: false);
            var said = string.Join("\n", incremental.Diagnostics);
            Assert.True(said == string.Join("\n", clean.Diagnostics), $"{log}incremental said:\n{said}\nclean said:\n{string.Join("\n", clean.Diagnostics)}");
            Assert.True(incremental.Published == clean.Published, $"{log}published: incremental {incremental.Published}, clean {clean.Published}\n{said}");
            if (clean.Published)
            {
                Assert.True(incremental.PagesWritten == clean.PagesWritten, $"{log}pages: incremental {incremental.PagesWritten}, clean {clean.PagesWritten}");
                Assert.True(DirectoryTree.Difference(_folder.Combine("clean"), IncrementalOutput) is not { } difference, $"{log}{DirectoryTree.Difference(_folder.Combine("clean"), IncrementalOutput)}");
            }
        }

        /// <summary>The write time of every listing page, feed, the sitemap and the other pages made from lists
        /// of articles, by path: every file of the output but the articles' folders, assets and JSON files.</summary>
        public Dictionary<string, DateTime> ListingStamps() =>
            Directory.EnumerateFiles(IncrementalOutput, "*", SearchOption.AllDirectories)
                .Select(p => System.IO.Path.GetRelativePath(IncrementalOutput, p).Replace('\\', '/'))
                .Where(p => !p.StartsWith("art-", StringComparison.Ordinal) && !p.StartsWith("assets/", StringComparison.Ordinal)
                    && !p.EndsWith(".json", StringComparison.Ordinal) && p != OutputGuard.Marker)
                .ToDictionary(p => p, p => File.GetLastWriteTimeUtc(System.IO.Path.Combine(IncrementalOutput, p)));

        /// <summary>The write time of claims.json and the fact-check index page, by path.</summary>
        public Dictionary<string, DateTime> FactCheckStamps() =>
            new[] { FactChecks.JsonFile, FactChecks.Folder + "/index.html" }.Select(p => System.IO.Path.Combine(IncrementalOutput, p)).Where(File.Exists)
                .ToDictionary(p => p, File.GetLastWriteTimeUtc);

        public string ChangeBody(int article)
        {
            Edit(article, text => text.Replace("overnight", $"overnight, {Word()} first,", StringComparison.Ordinal));
            return $"{Slug(article)}'s body changed";
        }

        public string ChangeVerdict(int article, string verdict)
        {
            Edit(article, text => VerdictAttribute().Replace(text, $"verdict=\"{verdict}\"", 1));
            return $"{Slug(article)}'s verdict is {verdict}";
        }

        /// <summary>The claim is the phrase the fact-check annotates.</summary>
        public string ChangeClaim(int article)
        {
            Edit(article, text => text.Replace(" rose]", " rose sharply]", StringComparison.Ordinal));
            return $"{Slug(article)}'s claim changed";
        }

        public string AddClaimant(int article)
        {
            Edit(article, text => text.Replace("{fact-check verdict=", "{fact-check claimant=\"The mayor\" verdict=", StringComparison.Ordinal));
            return $"{Slug(article)}'s fact-check names a claimant";
        }

        public string RemoveFactCheck(int article)
        {
            Edit(article, text => FactCheckAttributes().Replace(text, "", 1));
            return $"{Slug(article)}'s fact-check is a plain note";
        }

        public string ChangeTags(int article)
        {
            Edit(article, text => TagsLine().Replace(text, "tags: [Weather]", 1));
            return $"{Slug(article)} is tagged Weather alone";
        }

        /// <summary>An incremental build into another output folder, sharing the cache.</summary>
        public void BuildInto(string output) => Assert.True(Build(output, cache: true, noCache: false).Published);

        /// <summary>The write time of every article page in the incremental output, by slug.</summary>
        public Dictionary<string, DateTime> PageStamps() =>
            // The articles' pages (art-NN/), not the listings (tags, archive, fact-checks), which every build renders.
            Directory.EnumerateFiles(IncrementalOutput, "index.html", SearchOption.AllDirectories)
                .Where(p => System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(p)) == IncrementalOutput
                    && System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(p))!.StartsWith("art-", StringComparison.Ordinal))
                .ToDictionary(p => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(p)!), File.GetLastWriteTimeUtc);

        public (string Description, string? BodyOnly) EditAtRandom()
        {
            if (_undo is { } undo)
            {
                _undo = null;
                return (undo(), null);
            }
            var article = _live[_random.Next(_live.Count)];
            var slug = Slug(article);
            var choice = _random.Next(17);
            if (choice is >= 10 and <= 13)
            {
                return (EditTranslation(choice, article), null);
            }
            switch (choice)
            {
                case 14:
                    Edit(article, text => TagsLine().Replace(text, $"tags: [{Tag()}]", 1));
                    return ($"changed the tags of {slug}", null);
                case 15:
                    Edit(article, text => DateLine().Replace(text, $"date: 2024-{1 + _random.Next(12):00}-{1 + _random.Next(28):00}", 1));
                    return ($"changed the date of {slug}", null);
                case 16:
                    File.SetLastWriteTimeUtc(ArticlePath(article), DateTime.UtcNow);
                    return ($"touched {slug}, its text unchanged", slug);
                case 0 or 1:
                    Edit(article, text => text.Replace("overnight", $"overnight, {Word()} first,", StringComparison.Ordinal));
                    return ($"changed the body of {slug}", slug);
                case 2:
                    SameLengthEdit(article);
                    return ($"changed one letter of {slug}'s body, its length and write time kept", slug);
                case 3:
                    Edit(article, text => text.Replace("title: ", $"title: {Word()} ", StringComparison.Ordinal));
                    return ($"changed the title of {slug}", null);
                case 4:
                    return ($"added {Slug(AddArticle())}", null);
                case 5 when _live.Count > 2 && !_keys.ContainsKey(article):
                    var text = File.ReadAllText(ArticlePath(article));
                    File.Delete(ArticlePath(article));
                    _live.Remove(article);
                    UndoIfLinked(article, () =>
                    {
                        Write($"content/{slug}.md", text);
                        _live.Add(article);
                        return $"put back {slug}, which others link to";
                    });
                    return ($"deleted {slug}", null);
                case 6:
                    var renamed = _next++;
                    File.Move(ArticlePath(article), ArticlePath(renamed));
                    MoveTranslation(article, renamed);
                    _live[_live.IndexOf(article)] = renamed;
                    _linksTo[renamed] = _linksTo.GetValueOrDefault(article, -1);
                    UndoIfLinked(article, () =>
                    {
                        File.Move(ArticlePath(renamed), ArticlePath(article));
                        MoveTranslation(renamed, article);
                        _live[_live.IndexOf(renamed)] = article;
                        return $"renamed {Slug(renamed)} back to {slug}, which others link to";
                    });
                    return ($"renamed {slug} to {Slug(renamed)}", null);
                case 7:
                    var template = _random.Next(2) == 0 ? "article.html" : "index.html";
                    Write($"templates/{template}", File.ReadAllText(_folder.Combine($"templates/{template}")) + $"<!-- {Word()} -->\n");
                    return ($"changed templates/{template}", null);
                case 8:
                    Write("content/sources.yml", Sources($"{Word()} report"));
                    return ("changed a source's title in sources.yml", null);
                default:
                    Write("content/site.yml", $"title: {Word()} Gazette\n" + Settings);
                    return ("changed the title in site.yml", null);
            }
        }

        /// <summary>Translates <paramref name="article"/> into a language its story lacks, or edits a translation: its
        /// title, its key (to a story that lacks its language, or to one no other article has), or deletes it.</summary>
        private string EditTranslation(int choice, int article)
        {
            var translated = _live.Where(_keys.ContainsKey).ToList();
            var lone = translated.Where(a => !_live.Any(other => _linksTo.GetValueOrDefault(other, -1) == a)).ToList();
            var languages = new[] { "en", "ru", "kk" }.Except(Group(KeyOf(article)).Append(article).Select(LanguageOf)).ToList();
            switch (choice)
            {
                case 11 when translated.Count > 0:
                    return $"changed a translation's title: {ChangeTitle(translated[_random.Next(translated.Count)])}";
                case 12 when lone.Count > 0:
                    return $"deleted a translation: {DeleteTranslation(lone[_random.Next(lone.Count)])}";
                case 13 when translated.Count > 0:
                    var moved = translated[_random.Next(translated.Count)];
                    var other = _keys.Values.Distinct().Where(key => !Group(key).Select(LanguageOf).Contains(LanguageOf(moved))).Order(StringComparer.Ordinal).FirstOrDefault();
                    return $"changed a translation_key: {ChangeKey(moved, other ?? $"lonely-{_next}")}";
                default:
                    return languages.Count == 0
                        ? $"changed the title of a translation: {ChangeTitle(article)}"
                        : $"translated {Slug(article)}: {AddTranslation(article, languages[_random.Next(languages.Count)])}";
            }
        }

        /// <summary>A new story in English with its Russian and Kazakh translations, in that order.</summary>
        public int[] AddTranslatedStory()
        {
            var english = AddArticle();
            AddTranslation(english, "ru");
            AddTranslation(english, "kk");
            return [.. Group(KeyOf(english))];
        }

        /// <summary>Adds a translation of <paramref name="article"/>, giving it a translation_key first when it has none.</summary>
        public string AddTranslation(int article, string language)
        {
            if (!_keys.ContainsKey(article))
            {
                SetKey(article, $"story-{article}");
            }
            var translation = AddArticle(language, KeyOf(article));
            return $"{Slug(translation)} in {language}";
        }

        public string ChangeTitle(int article)
        {
            Edit(article, text => text.Replace("title: ", $"title: {Word()} ", StringComparison.Ordinal));
            return $"{Slug(article)} has another title";
        }

        /// <summary>Deletes a translation no article links to; when one translation is left, the next edit takes
        /// its key away, as it now names a missing translation (an error until then).</summary>
        public string DeleteTranslation(int article)
        {
            var key = KeyOf(article);
            File.Delete(ArticlePath(article));
            _live.Remove(article);
            _keys.Remove(article);
            UndoIfAlone(key);
            return $"{Slug(article)} deleted";
        }

        /// <summary>Gives <paramref name="article"/> another translation_key; a group left with one article, or an article
        /// alone under its new key, is an error the next edit repairs.</summary>
        public string ChangeKey(int article, string key)
        {
            var old = KeyOf(article);
            SetKey(article, key);
            if (Group(key).Count() == 1)
            {
                // Putting the key back also mends the group it left.
                _undo = () => $"put back the key of {Slug(article)}: {ChangeKey(article, old)}";
            }
            else
            {
                UndoIfAlone(old);
            }
            return $"{Slug(article)} has translation_key {key}";
        }

        public string KeyOf(int article) => _keys.GetValueOrDefault(article, "");

        private string LanguageOf(int article) => _languages.GetValueOrDefault(article, "en");

        private IEnumerable<int> Group(string key) => _live.Where(a => KeyOf(a) == key && key.Length > 0);

        private void UndoIfAlone(string key)
        {
            if (Group(key).ToList() is [var alone])
            {
                _undo = () => $"took the key away from {Slug(alone)}, whose translations are gone: {ChangeKey(alone, "")}";
            }
        }

        /// <summary>Writes, replaces or (with "") removes the article's translation_key line.</summary>
        private void SetKey(int article, string key)
        {
            Edit(article, text => string.Join('\n', text.Split('\n').Where(line => !line.StartsWith("translation_key: ", StringComparison.Ordinal)))
                .Replace("summary: ", key.Length > 0 ? $"translation_key: {key}\nsummary: " : "summary: ", StringComparison.Ordinal));
            if (key.Length > 0)
            {
                _keys[article] = key;
            }
            else
            {
                _keys.Remove(article);
            }
        }

        private void MoveTranslation(int from, int to)
        {
            foreach (var map in new[] { _keys, _languages })
            {
                if (map.Remove(from, out var value))
                {
                    map[to] = value;
                }
            }
        }

        private BuildResult Build(string output, bool cache, bool noCache)
        {
            var options = new BuildOptions(_folder.Combine("content"), _folder.Combine("templates"), _folder.Combine(output),
                CacheDir: cache ? _folder.Combine(".site-cache/build") : null, NoCache: noCache);
            return SiteBuilder.Build(options);
        }

        private void UndoIfLinked(int article, Func<string> undo)
        {
            if (_live.Any(other => _linksTo.GetValueOrDefault(other, -1) == article))
            {
                _undo = undo;
            }
        }

        private int AddArticle(string? language = null, string? key = null)
        {
            var number = _next++;
            if (key is not null)
            {
                _keys[number] = key;
                _languages[number] = language!;
            }
            var translation = key is null ? "" : $"translation_key: {key}\nlanguage: {language}\n";
            _live.Add(number);
            // Some articles link to an earlier one, so deleting or renaming it breaks that link (an error).
            var target = number > 0 && _random.Next(4) == 0 ? _live[_random.Next(_live.Count - 1)] : -1;
            var link = target >= 0 ? $" See [an earlier report](../{Slug(target)}/)." : "";
            _linksTo[number] = target;
            var source = "abc"[_random.Next(3)];
            Write($"content/{Slug(number)}.md", $"""
                ---
                title: Report {number} on the {Word()}
                date: 2024-{1 + _random.Next(12):00}-{1 + _random.Next(28):00}
                {translation}summary: What the {Word()} changed.
                tags: [{Tags[number % Tags.Length]}, {Tag()}]
                ---

                The [{Word()} rose]{"{^rise}"} overnight.[^why]{link}

                [^rise]: {"{"}fact-check verdict="Accurate"{"}"} By about {_random.Next(100)} percent ([@src-{source}]).

                [^why]: Officials blamed the {Word()}.

                """);
            return number;
        }

        /// <summary>Swaps two letters of the body and puts the file's write time back: the same length and stamp,
        /// other text, as an edit within one tick of the clock would be.</summary>
        private void SameLengthEdit(int article)
        {
            var path = ArticlePath(article);
            var stamp = File.GetLastWriteTimeUtc(path);
            Edit(article, text => text.Contains("Officials", StringComparison.Ordinal)
                ? text.Replace("Officials", "Offiicals", StringComparison.Ordinal)
                : text.Replace("Offiicals", "Officials", StringComparison.Ordinal));
            File.SetLastWriteTimeUtc(path, stamp);
        }

        private void Edit(int article, Func<string, string> change) => Write($"content/{Slug(article)}.md", change(File.ReadAllText(ArticlePath(article))));

        private static string Sources(string title) => $"""
            src-a:
              title: {title}
              publisher: Ministry
              url: https://ministry.example.org/report
            src-b:
              title: Court ruling
              publisher: Court
              url: https://court.example.org/ruling
            src-c:
              title: Council minutes
              publisher: Council
              url: https://council.example.org/minutes

            """;

        private string Word() => Words[_random.Next(Words.Length)];

        /// <summary>One of the tags; an article's second tag (its first is by its number) may repeat its first, as a writer's may.</summary>
        private string Tag() => Tags[_random.Next(Tags.Length)];

        [GeneratedRegex("^tags: .*$", RegexOptions.Multiline)]
        private static partial Regex TagsLine();

        [GeneratedRegex("^date: .*$", RegexOptions.Multiline)]
        private static partial Regex DateLine();

        [GeneratedRegex("verdict=\"[^\"]*\"")]
        private static partial Regex VerdictAttribute();

        [GeneratedRegex("\\{fact-check[^}]*\\} ")]
        private static partial Regex FactCheckAttributes();

        /// <summary>Sets every article's write time to what .NET reads it as (100 ns steps, where the file system
        /// keeps nanoseconds), so that <see cref="SameLengthEdit"/> puts it back exactly.</summary>
        public void TruncateWriteTimes()
        {
            foreach (var article in _live)
            {
                File.SetLastWriteTimeUtc(ArticlePath(article), File.GetLastWriteTimeUtc(ArticlePath(article)));
            }
        }

        /// <summary><see cref="SameLengthEdit"/> of one article; its slug.</summary>
        public string SameLengthEditOfOne()
        {
            SameLengthEdit(_live[0]);
            return Slug(_live[0]);
        }

        private string ArticlePath(int article) => _folder.Combine($"content/{Slug(article)}.md");

        public static string Slug(int article) => $"art-{article:00}";

        private void Write(string relative, string text) => _folder.Write(relative, text);

        /// <summary>A bundle, content/photo-story/, whose one photo is <paramref name="jpeg"/>.</summary>
        public void WritePhotoStory(byte[] jpeg)
        {
            Write("content/photo-story/index.md", "---\ntitle: The river at dawn\ndate: 2024-02-01\n---\n\n![The river at dawn](photo.jpg \"The river at dawn\")\n");
            _folder.WriteBytes("content/photo-story/photo.jpg", jpeg);
        }
    }
}
