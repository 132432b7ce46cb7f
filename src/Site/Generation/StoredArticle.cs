using Site.Content;

namespace Site.Generation;

/// <summary>
/// An <see cref="Article"/> as loaded (front matter, no body) in the build cache, so a publish build does
/// not read or parse the front matter of a file it has seen unchanged. Every property is written: one left
/// out would come back as its default and change pages without a word, so a test checks that an article
/// with every property set comes back equal (add a new property here when Article gains one).
/// </summary>
internal static class StoredArticle
{
    public static void Write(CacheWriter writer, Article article)
    {
        writer.Write(article.File);
        writer.Write(article.Slug);
        writer.Write(article.Title);
        WriteDate(writer, article.Date);
        Optional(writer, article.Summary);
        Strings(writer, article.Tags);
        Optional(writer, article.Author);
        writer.Write(article.Draft);
        writer.Write(article.OriginalPublication is not null);
        if (article.OriginalPublication is { } original)
        {
            writer.Write(original.Name);
            writer.Write(original.Url);
        }
        writer.Write(article.Sources.Count);
        foreach (var source in article.Sources.Values)
        {
            WriteSource(writer, source);
        }
        writer.Write(article.ContentPath);
        writer.Write(article.FullPath);
        writer.Write(article.Stamp.Length);
        writer.Write(article.Stamp.WriteTime);
        writer.Write(article.Stamp.ChangeTime);
        writer.Write(article.Stamp.Inode);
        writer.Write(article.Digest);
        writer.Write(article.FrontMatterLines);
        writer.Write(article.Kind is { } kind ? (int)kind : -1);
        writer.Write(article.Corrections.Count);
        foreach (var correction in article.Corrections)
        {
            writer.Write(correction.Number);
            WriteDate(writer, correction.Date);
            writer.Write((int)correction.Kind);
            writer.Write(correction.Text);
        }
        writer.Write(article.Url);
        writer.Write(article.Section);
        Optional(writer, article.BundleFolder);
        writer.Write(article.IsPage);
        Optional(writer, article.Template);
        Optional(writer, article.Language);
        WritePosition(writer, article.LanguagePosition);
        WritePosition(writer, article.TagsPosition);
        WritePosition(writer, article.SlugPosition);
        Optional(writer, article.TranslationKey);
        WritePosition(writer, article.TranslationKeyPosition);
    }

    /// <exception cref="InvalidDataException">The bytes are no article.</exception>
    public static Article Read(CacheReader reader)
    {
        var (file, slug, title, date) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), ReadDate(reader));
        var (summary, tags, author, draft) = (Optional(reader), Strings(reader), Optional(reader), reader.ReadBoolean());
        var original = reader.ReadBoolean() ? new OriginalPublication(reader.ReadString(), reader.ReadString()) : null;
        var sources = StoredSources.Read(reader);
        return new Article(file, slug, title, date, summary, tags, author, draft, original, "")
        {
            Sources = sources,
            ContentPath = reader.ReadString(),
            FullPath = reader.ReadString(),
            Stamp = new FileStamp(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64()),
            Digest = reader.ReadString(),
            FrontMatterLines = reader.ReadInt32(),
            Kind = reader.ReadInt32() is var kind and >= 0 ? Defined((TypeOfWork)kind) : null,
            Corrections = ReadCorrections(reader),
            Url = reader.ReadString(),
            Section = reader.ReadString(),
            BundleFolder = Optional(reader),
            IsPage = reader.ReadBoolean(),
            Template = Optional(reader),
            Language = Optional(reader),
            LanguagePosition = ReadPosition(reader),
            TagsPosition = ReadPosition(reader),
            SlugPosition = ReadPosition(reader),
            TranslationKey = Optional(reader),
            TranslationKeyPosition = ReadPosition(reader),
        };
    }

    private static List<Correction> ReadCorrections(CacheReader reader)
    {
        var corrections = new List<Correction>();
        for (var count = Count(reader); count > 0; count--)
        {
            corrections.Add(new Correction(reader.ReadInt32(), ReadDate(reader), Defined((CorrectionKind)reader.ReadInt32()), reader.ReadString()));
        }
        return corrections;
    }

    private static void WriteSource(CacheWriter writer, Source source)
    {
        writer.Write(source.Key);
        writer.Write(source.Title);
        writer.Write(source.Publisher);
        writer.Write(source.Url);
        Optional(writer, source.Date);
        Optional(writer, source.Archive);
        writer.Write(source.File);
        writer.Write(source.Line);
        writer.Write(source.Column);
    }

    private static Source ReadSource(CacheReader reader) => new(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(),
        Optional(reader), Optional(reader), reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());

    /// <summary>What <see cref="ReadSource"/> reads, checked but not decoded.</summary>
    private static void SkipSource(CacheReader reader)
    {
        for (var i = 0; i < 4; i++)
        {
            reader.SkipString();
        }
        for (var i = 0; i < 2; i++)
        {
            if (reader.ReadBoolean())
            {
                reader.SkipString();
            }
        }
        reader.SkipString();
        (_, _) = (reader.ReadInt32(), reader.ReadInt32());
    }

    /// <summary>An article's own sources as the cache holds them, decoded when first asked for: only an article
    /// rendered again looks at them, and a build that carries 10,000 articles renders one. Their strings (a URL
    /// of each, unique to the article) were a fifth of what reading the cache allocated.</summary>
    private sealed class StoredSources : IReadOnlyDictionary<string, Source>
    {
        private readonly CacheReader _file;
        private readonly Range _bytes;
        private readonly int _count;
        private Dictionary<string, Source>? _decoded;

        private StoredSources(CacheReader file, Range bytes, int count) => (_file, _bytes, _count) = (file, bytes, count);

        /// <summary>The sources at the reader's position: checked now (a damaged record fails the whole file, as
        /// any other), decoded when first asked for.</summary>
        public static IReadOnlyDictionary<string, Source> Read(CacheReader reader)
        {
            var count = Count(reader);
            if (count == 0)
            {
                return SourceRegistry.Empty;
            }
            var start = reader.Position;
            for (var i = 0; i < count; i++)
            {
                SkipSource(reader);
            }
            return new StoredSources(reader, start..reader.Position, count);
        }

        /// <summary>Decoded once; two threads decoding at once make equal dictionaries, and either is kept.</summary>
        private Dictionary<string, Source> Decoded => _decoded ??= Decode();

        private Dictionary<string, Source> Decode()
        {
            var reader = _file.Over(_bytes);
            var sources = new Dictionary<string, Source>(_count, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                var source = ReadSource(reader);
                sources[source.Key] = source;
            }
            return sources;
        }

        public Source this[string key] => Decoded[key];

        public IEnumerable<string> Keys => Decoded.Keys;

        public IEnumerable<Source> Values => Decoded.Values;

        public int Count => Decoded.Count;

        public bool ContainsKey(string key) => Decoded.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Source value) => Decoded.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, Source>> GetEnumerator() => Decoded.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static void WriteDate(CacheWriter writer, PublishDate date)
    {
        writer.Write(date.Value.UtcTicks);
        writer.Write(date.Value.Offset.Ticks);
        writer.Write(date.HasTime);
    }

    public static PublishDate ReadDate(CacheReader reader)
    {
        var (utcTicks, offset, hasTime) = (reader.ReadInt64(), new TimeSpan(reader.ReadInt64()), reader.ReadBoolean());
        return new PublishDate(new DateTimeOffset(utcTicks + offset.Ticks, offset), hasTime);
    }

    private static void WritePosition(CacheWriter writer, (int Line, int Column) position)
    {
        writer.Write(position.Line);
        writer.Write(position.Column);
    }

    private static (int, int) ReadPosition(CacheReader reader) => (reader.ReadInt32(), reader.ReadInt32());

    private static void Strings(CacheWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static List<string> Strings(CacheReader reader)
    {
        var values = new List<string>();
        for (var count = Count(reader); count > 0; count--)
        {
            values.Add(reader.ReadString());
        }
        return values;
    }

    public static void Optional(CacheWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    public static string? Optional(CacheReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    /// <summary>A count no file this size can hold is corruption.</summary>
    public static int Count(CacheReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.Remaining ? count : throw new InvalidDataException("impossible count");
    }

    private static T Defined<T>(T value) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new InvalidDataException($"unknown {typeof(T).Name}");
}
