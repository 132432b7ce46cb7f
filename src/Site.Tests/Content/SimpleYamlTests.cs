using Site.Content;
using Site.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>
/// <see cref="SimpleYaml"/> reads plain front matter without YamlDotNet (issue 16: YamlDotNet was most of
/// loading): whatever it reads must be the tree YamlDotNet reads, positions included, and whatever else it
/// must leave to YamlDotNet.
/// </summary>
public sealed class SimpleYamlTests
{
    /// <summary>The shape of the generated benchmark corpus and of most real front matter.</summary>
    private const string FrontMatter = """
        title: "Inquiry opens into the new rail link in Port Elsey"
        date: 2015-03-23
        summary: "It was the third change: in less than two years."
        author: "Timur Bekov"
        tags: ["Trade", "Elections",  "Health"]
        empty: []
        source:
          name: "The Evening Standard of Tamsk"
          url: https://energy.example.gov/2015/inquiry-opens-637#part
        sources:

          weekly-observer-2012:
            title: "Press release on the new rail link"
            date: 2012-11
          coastal.herald_2014:
            url: https://coastalherald.example.com/2014/2?a=b,c
        draft: false
        """;

    public static TheoryData<string> Read => new()
    {
        FrontMatter,
        FrontMatter + "\n\n",
        "title: Plain words, with a comma\ndate: 2020-01-01\n",
        "a: \"\"\nb: \"  spaced  \"   \nc:   padded   \n",
        "a:\n  b:\n    c:\n      d: deep\n  e: back\nf: out\n",
        "tags: [ \"x\" , \"y\" ]\n",
        "tags: [Economy, Human rights , \"x\", 2020]\n",
        "title: Привет, мир — «кавычки»\n",
    };

    public static TheoryData<string> LeftToYamlDotNet => new()
    {
        "title: 'single'\n",
        "title: \"escaped \\\" quote\"\n",
        "title: a # comment\n",
        "# comment\ntitle: a\n",
        "title: a\n  continued\n",
        "title: \"a\"\n  continued\n",
        "tags:\n  - a\n  - b\n",
        "tags:\n- a\n",
        "tags: [\"a\",]\n",
        "tags: [a: b]\n",
        "tags: [-a]\n",
        "tags: [a, [b]]\n",
        "title: a\ntitle: b\n",
        "title:\n",
        "title: \"a\" b\n",
        "title: key: value\n",
        "title: -5\n",
        "title: *alias\n",
        "title: &anchor a\n",
        "title: |\n  block\n",
        "title:\tx\n",
        "a:\n    b: 1\n  c: 2\n",
        "  title: indented root\n",
        "\"quoted key\": a\n",
        "key : a\n",
        "key:a\n",
        "title: a\n---\n",
        "title: smile 😀\n",
        "title: x\u2028y\n",
        "",
        "\n\n",
    };

    [Theory]
    [MemberData(nameof(Read))]
    public void Plain_front_matter_is_read_to_the_tree_YamlDotNet_reads(string yaml)
    {
        var simple = SimpleYaml.TryRead(yaml, 2);

        Assert.NotNull(simple);
        AssertSameTree(YamlDotNet(yaml, 2), simple);
    }

    [Theory]
    [MemberData(nameof(LeftToYamlDotNet))]
    public void Anything_else_is_left_to_YamlDotNet(string yaml)
    {
        Assert.Null(SimpleYaml.TryRead(yaml, 2));
    }

    /// <summary>Every YAML file and front matter of the repository (the sample site, the starter, the theme's
    /// strings tables, the test sites): what the fast path reads is what YamlDotNet reads.</summary>
    [Fact]
    public void Every_YAML_of_the_repository_read_by_it_is_read_as_YamlDotNet_reads_it()
    {
        var root = RepoRoot.Find();
        var read = 0;
        foreach (var (yaml, firstLine) in RepositoryYaml(root))
        {
            if (SimpleYaml.TryRead(yaml, firstLine) is { } simple)
            {
                AssertSameTree(YamlDotNet(yaml, firstLine), simple);
                read++;
            }
        }
        Assert.True(read > 10, $"only {read} YAML texts were of the plain shape");
    }

    /// <summary>Random texts made of the pieces YAML gives meaning to (indicators, quotes, escapes, comments,
    /// indentation, flow brackets, odd keys and characters): whenever the fast path reads one, YamlDotNet reads
    /// it without a problem and to the same tree. A fixed seed, and a failure shows the text, which stays failing.</summary>
    [Fact]
    public void Random_YAML_read_by_it_is_read_as_YamlDotNet_reads_it()
    {
        string[] keys = ["title", "a", "b-c", "d.e", "f_1", "9", "k", "tags", "-x", "\"quoted\"", "'s'", "? q"];
        string[] pieces = ["word", "word", "word", " two words", "\"q\"", "[\"x\", y]", "[]", " ", "  ", ":", ": ", " #", "#", "\"", "'", "\\", "[", "]", ",", ", ", "{", "}", "-", "- ", "&a", "*a", "!t",
            "|", ">", "%", "@", "`", "?", "~", "null", "yes", "0x1F", "1e3", ".5", "\t", "é", "😀", "\u2028", "«»", "...", "---", "=", "<<"];
        var random = new Random(20261203);
        var read = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var text = new System.Text.StringBuilder();
            for (var line = random.Next(1, 6); line > 0; line--)
            {
                text.Append(' ', random.Next(4) == 0 ? random.Next(1, 5) : 0).Append(keys[random.Next(keys.Length)]).Append(random.Next(6) == 0 ? ":" : ": ");
                for (var piece = random.Next(0, 4); piece > 0; piece--)
                {
                    text.Append(pieces[random.Next(pieces.Length)]);
                }
                text.Append('\n');
            }
            var yaml = text.ToString();
            if (SimpleYaml.TryRead(yaml, 2) is not { } simple)
            {
                continue;
            }
            var diagnostics = new DiagnosticBag();
            var expected = YamlTree.ReadWithYamlDotNet(yaml, "test.md", 2, diagnostics);
            Assert.False(diagnostics.HasErrors, $"the fast path read what YamlDotNet refuses:\n{yaml}");
            var mismatch = Record.Exception(() => AssertSameTree(expected!, simple));
            Assert.True(mismatch is null, $"the fast path read another tree than YamlDotNet:\n{yaml}\n{mismatch?.Message}");
            read++;
        }
        Assert.True(read > 4_000, $"only {read} random texts were of the plain shape");
    }

    private static IEnumerable<(string Yaml, int FirstLine)> RepositoryYaml(string root)
    {
        var folders = new[] { "content", "templates", "src/Site/Starter", "src/Site.Tests" }.Select(f => Path.Combine(root, f)).Where(Directory.Exists);
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)))
        {
            if (file.Contains("/bin/", StringComparison.Ordinal) || file.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }
            if (file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal))
            {
                yield return (File.ReadAllText(file), 1);
            }
            else if (file.EndsWith(".md", StringComparison.Ordinal) && FrontMatterOf(File.ReadAllText(file)) is { } yaml)
            {
                yield return (yaml, 2);
            }
        }
    }

    private static string? FrontMatterOf(string text) =>
        Site.Content.FrontMatter.Split(text.ReplaceLineEndings("\n")) is { } split ? text.ReplaceLineEndings("\n")[split.YamlStart..split.Closing] : null;

    private static YamlNode YamlDotNet(string yaml, int firstLine)
    {
        var diagnostics = new DiagnosticBag();
        var tree = YamlTree.ReadWithYamlDotNet(yaml, "test.md", firstLine, diagnostics);
        Assert.False(diagnostics.HasErrors);
        return tree!;
    }

    private static void AssertSameTree(YamlNode expected, YamlNode actual)
    {
        Assert.Equal((expected.GetType(), expected.Line, expected.Column), (actual.GetType(), actual.Line, actual.Column));
        switch (expected, actual)
        {
            case (YamlScalar e, YamlScalar a):
                Assert.Equal((e.Value, e.IsPlain), (a.Value, a.IsPlain));
                break;
            case (YamlList e, YamlList a):
                Assert.Equal(e.Items.Count, a.Items.Count);
                foreach (var (item, other) in e.Items.Zip(a.Items))
                {
                    AssertSameTree(item, other);
                }
                break;
            case (YamlMap e, YamlMap a):
                Assert.Equal(e.Entries.Count, a.Entries.Count);
                foreach (var (entry, other) in e.Entries.Zip(a.Entries))
                {
                    AssertSameTree(entry.Key, other.Key);
                    AssertSameTree(entry.Value, other.Value);
                }
                break;
        }
    }
}
