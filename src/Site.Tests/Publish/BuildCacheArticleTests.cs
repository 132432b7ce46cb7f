using System.Collections;
using Site.Content;
using Site.Generation;

namespace Site.Tests.Publish;

/// <summary>
/// The build cache keeps each article as loaded, so an unchanged file is not parsed again: an article must
/// come back from it exactly as it went in, every property, or pages would change with no edit (issue 16).
/// </summary>
public sealed class BuildCacheArticleTests
{
    [Fact]
    public void An_article_with_every_property_set_comes_back_from_the_build_cache_unchanged()
    {
        var article = EveryPropertySet();
        var bare = new Article("", "", "", default, null, [], null, false, null, "");
        using var buffer = new MemoryStream();
        var writer = new CacheWriter(buffer);
        writer.BeginRecord();
        StoredArticle.Write(writer, article);
        writer.EndRecord();
        writer.Finish(writer.TableCount);
        var reader = CacheReader.Open(buffer.ToArray(), (int)buffer.Length);

        var back = reader.ReadRecord(StoredArticle.Read, out _);

        Assert.Equal(0, reader.Remaining);
        foreach (var property in typeof(Article).GetProperties().Where(p => p.Name != nameof(Article.Markdown)))
        {
            var (set, read) = (Shown(property.GetValue(article)), Shown(property.GetValue(back)));
            // A property the sample leaves at its default would not show a codec that forgets it.
            Assert.True(set != Shown(property.GetValue(bare)), $"the sample article leaves {property.Name} at its default: set it");
            Assert.True(set == read, $"{property.Name} went into the cache as {set} and came back as {read}");
        }
    }

    [Fact]
    public void A_cache_whose_strings_refer_to_one_never_written_is_refused_as_damaged()
    {
        using var buffer = new MemoryStream();
        var writer = new CacheWriter(buffer);
        writer.Write7BitEncodedInt(5);
        writer.Finish(0);
        var reader = CacheReader.Open(buffer.ToArray(), (int)buffer.Length);

        Assert.Throws<InvalidDataException>(() => reader.ReadString());
    }

    private static Article EveryPropertySet()
    {
        var date = new PublishDate(new DateTimeOffset(2024, 3, 1, 10, 30, 0, TimeSpan.FromHours(5)), true);
        var source = new Source("ministry", "Annual report", "Ministry", "https://ministry.example.org/report", "2024-01-02", "https://archive.example.org/x", "content/a.md", 7, 3);
        return new Article("content/a.md", "a", "A title", date, "A summary", ["Economy", "Courts"], "A. Writer", true,
            new OriginalPublication("The Record", "https://record.example.org/a"), "")
        {
            Sources = new Dictionary<string, Source> { ["ministry"] = source, ["court"] = source with { Key = "court", Line = 9 } },
            ContentPath = "world/a.md",
            FullPath = "/site/content/world/a.md",
            Stamp = new FileStamp(1234, 1_700_000_000_123_456_789, 1_700_000_001_000_000_001, 42),
            Digest = "ABCDEF",
            FrontMatterLines = 12,
            Kind = TypeOfWork.Analysis,
            Corrections = [new Correction(1, date with { HasTime = false }, CorrectionKind.Clarification, "A clarification.")],
            Url = "2024/03/a/",
            Section = "world",
            BundleFolder = "/site/content/world/a",
            IsPage = true,
            Template = "page-wide.html",
            Language = "kk",
            LanguagePosition = (5, 11),
            TagsPosition = (4, 7),
            SlugPosition = (3, 7),
            TranslationKey = "budget-2024",
            TranslationKeyPosition = (6, 18),
        };
    }

    /// <summary>A value as text, lists and dictionaries item by item, to compare and to show.</summary>
    private static string Shown(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => $"{k}: {Shown(dictionary[k])}")) + "}",
        // The cache's own dictionary of an article's sources, decoded when first asked for, is read-only.
        IReadOnlyDictionary<string, Source> sources => "{" + string.Join(", ", sources.Select(p => $"{p.Key}: {Shown(p.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Shown)) + "]",
        _ => value.ToString() ?? "",
    };
}
