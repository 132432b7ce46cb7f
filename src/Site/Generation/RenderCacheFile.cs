using Site.Content;
using Site.Diagnostics;

namespace Site.Generation;

/// <summary>
/// The publish build's <see cref="RenderCache"/> on disk (<c>.site-cache/build/pages.bin</c>): a header
/// naming the format, the output folder it describes, the build of Site that wrote it, the
/// <see cref="RenderInputs"/> and when the build began; the articles as loaded, the article pages and the
/// listing pages, one record each; the old output kept as a spare and the output's manifest; the table of the
/// records' strings (see <see cref="CacheWriter"/>); then a <see cref="ContentHash"/> of all that. A file that is truncated, corrupt, of another format or for another
/// output folder is not trusted in any part: the build renders everything, as without a cache.
/// </summary>
internal static class RenderCacheFile
{
    /// <summary>Changes whenever what is written here changes shape.</summary>
    private const string Format = "site render cache 9";

    /// <summary>A kept table that has doubled since it was started afresh holds mostly strings of records long
    /// replaced: the next save starts afresh.</summary>
    private const int TableGrowth = 2;

    /// <summary>What a file held: the inputs its pages were rendered with, when its build began (ns since
    /// 1970), the articles as loaded, the pages by article, the listing pages by path.</summary>
    internal sealed record Stored(string Inputs, long BuildStart, IReadOnlyList<Article> Articles,
        IReadOnlyDictionary<string, (string Fingerprint, RenderCache.Entry Entry)> Pages,
        IReadOnlyDictionary<string, (string Fingerprint, RenderCache.Listing Entry)> Listings)
    {
        /// <summary>The old output the build kept beside the output folder, if any.</summary>
        public SpareTree? Spare { get; init; }

        /// <summary>What the build left in the output folder, if known.</summary>
        public OutputManifest? Output { get; init; }

        /// <summary>The world the build checked links in (see <see cref="LinkChecker.Check"/>); null if unknown.</summary>
        public UInt128? LinkWorld { get; init; }

        /// <summary>The file this was read from, for the next save to copy the records that did not change;
        /// null for a cache that was not read.</summary>
        public KeptRecords? Kept { get; init; }
    }

    /// <summary>A cache file's records as read, each with where its bytes are: a save copies the bytes of a
    /// record whose object is still the one read (the same instance, so nothing in it changed) rather than
    /// encoding it again, and keeps the file's string table, which those bytes refer to.</summary>
    internal sealed class KeptRecords(byte[] data, StringTable table, int freshCount)
    {
        public byte[] Data => data;

        public StringTable Table => table;

        /// <summary>How many strings the table had when it was last started afresh.</summary>
        public int FreshCount => freshCount;

        public Dictionary<string, (Article Article, Range Bytes)> Articles { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (string Fingerprint, RenderCache.Entry Entry, Range Bytes)> Pages { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (string Fingerprint, RenderCache.Listing Entry, Range Bytes)> Listings { get; } = new(StringComparer.Ordinal);

        public Range? Article(Article article) =>
            Articles.TryGetValue(article.FullPath, out var kept) && ReferenceEquals(kept.Article, article) ? kept.Bytes : null;

        public Range? Page(string key, string fingerprint, RenderCache.Entry entry) =>
            Pages.TryGetValue(key, out var kept) && ReferenceEquals(kept.Entry, entry) && kept.Fingerprint == fingerprint ? kept.Bytes : null;

        public Range? Listing(string path, string fingerprint, RenderCache.Listing listing) =>
            Listings.TryGetValue(path, out var kept) && ReferenceEquals(kept.Entry, listing) && kept.Fingerprint == fingerprint ? kept.Bytes : null;

        /// <summary>The output's and the spare's lists of files and folders as read. Most builds change no file list,
        /// and the spare's lists are the last output's: a save copies 30,000 paths' bytes rather than looking each up
        /// in the string table.</summary>
        private readonly List<(object List, Range Bytes)> _lists = [];

        public List<T> Listed<T>(List<T> list, Range bytes)
        {
            _lists.Add((list, bytes));
            return list;
        }

        /// <summary>Where a list read holding the same items is.</summary>
        public Range? List<T>(IReadOnlyList<T> list)
        {
            foreach (var (read, bytes) in _lists)
            {
                if (ReferenceEquals(read, list) || (read is IReadOnlyList<T> same && same.Count == list.Count && same.SequenceEqual(list)))
                {
                    return bytes;
                }
            }
            return null;
        }
    }

    /// <returns>The stored cache, or null when there is none that can be trusted.</returns>
    public static Stored? Read(string file, string outputDir)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            // The format first: another format's bytes are not parsed at all.
            if (!bytes.AsSpan().StartsWith(FormatBytes) || !ContentHash.Sealed(bytes, out var length))
            {
                return null;
            }
            var reader = CacheReader.Open(bytes, length);
            if (reader.ReadText() != Format || reader.ReadText() != FullPath(outputDir))
            {
                return null;
            }
            // Articles are parsed by Site's code, so another build of Site parses them again.
            var sameSite = reader.ReadText() == RenderInputs.SiteVersion();
            var (inputs, buildStart) = (reader.ReadText(), reader.ReadInt64());
            UInt128? linkWorld = reader.ReadBoolean() ? new UInt128(reader.ReadUInt64(), reader.ReadUInt64()) : null;
            var kept = new KeptRecords(bytes, reader.Table, reader.FreshCount);
            var articles = ReadArticles(reader, kept);
            var pageCount = StoredArticle.Count(reader);
            var pages = new Dictionary<string, (string, RenderCache.Entry)>(pageCount, StringComparer.Ordinal);
            kept.Pages.EnsureCapacity(pageCount);
            for (var count = pageCount; count > 0; count--)
            {
                var (key, fingerprint, entry) = reader.ReadRecord(r => (r.ReadString(), r.ReadString(), ReadEntry(r)), out var range);
                pages[key] = (fingerprint, entry);
                kept.Pages[key] = (fingerprint, entry, range);
            }
            var listings = new Dictionary<string, (string, RenderCache.Listing)>(StringComparer.Ordinal);
            for (var count = StoredArticle.Count(reader); count > 0; count--)
            {
                var (path, fingerprint, listing) = reader.ReadRecord(r => (r.ReadString(), r.ReadString(), ReadListing(r)), out var range);
                listings[path] = (fingerprint, listing);
                kept.Listings[path] = (fingerprint, listing, range);
            }
            var output = reader.ReadBoolean() ? new OutputManifest(ReadStrings(reader, kept), ReadFolders(reader, kept)) : null;
            var spare = reader.ReadBoolean() ? ReadSpare(reader, output, kept) : null;
            return reader.Remaining == 0
                ? new Stored(inputs, buildStart, sameSite ? articles : [], pages, listings) { Spare = spare, Output = output, Kept = kept, LinkWorld = linkWorld }
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or InvalidDataException)
        {
            // Missing, unreadable or malformed: a cache is never needed for a correct build.
            return null;
        }
    }

    private static List<Article> ReadArticles(CacheReader reader, KeptRecords kept)
    {
        var count = StoredArticle.Count(reader);
        var articles = new List<Article>(count);
        kept.Articles.EnsureCapacity(count);
        for (; count > 0; count--)
        {
            var article = reader.ReadRecord(StoredArticle.Read, out var range);
            articles.Add(article);
            kept.Articles[article.FullPath] = (article, range);
        }
        return articles;
    }

    private static readonly byte[] FormatBytes = [(byte)Format.Length, .. System.Text.Encoding.UTF8.GetBytes(Format)];

    /// <summary>Replaces <paramref name="file"/> whole (written aside, then renamed), so a build killed
    /// while saving leaves the old cache or the new one. A cache that cannot be written is skipped.</summary>
    public static void Write(string file, string outputDir, Stored stored)
    {
        var aside = $"{file}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            // Streamed to the file and hashed on the way: a large site's cache is tens of MB, not copied in memory.
            using (var hashed = new HashingStream(new FileStream(aside, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0)))
            {
                var kept = stored.Kept is { } last && WorthKeeping(last, stored) ? last : null;
                var writer = new CacheWriter(hashed, kept?.Table);
                WriteContent(writer, outputDir, stored, kept);
                writer.Finish(kept?.FreshCount ?? writer.TableCount);
                hashed.WriteHash();
            }
            File.Move(aside, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next build renders what it cannot carry; a failed save must not fail a published build.
            Console.Error.WriteLine($"site: note: the build cache was not saved: {e.Message}");
        }
    }

    /// <summary>Whether to keep the old file's table and copy its unchanged records: not when most records
    /// changed (their strings would stay in the table unused), nor once the table has grown too far.</summary>
    private static bool WorthKeeping(KeptRecords kept, Stored stored)
    {
        if (kept.Table.Count > (TableGrowth * kept.FreshCount) + 1000)
        {
            return false;
        }
        var records = stored.Articles.Count + stored.Pages.Count + stored.Listings.Count;
        var unchanged = stored.Articles.Count(a => kept.Article(a) is not null)
            + stored.Pages.Count(p => kept.Page(p.Key, p.Value.Fingerprint, p.Value.Entry) is not null)
            + stored.Listings.Count(l => kept.Listing(l.Key, l.Value.Fingerprint, l.Value.Entry) is not null);
        return unchanged * 2 >= records;
    }

    private static void WriteContent(CacheWriter writer, string outputDir, Stored stored, KeptRecords? kept)
    {
        writer.WriteText(Format);
        writer.WriteText(FullPath(outputDir));
        writer.WriteText(RenderInputs.SiteVersion());
        writer.WriteText(stored.Inputs);
        writer.Write(stored.BuildStart);
        writer.Write(stored.LinkWorld is not null);
        if (stored.LinkWorld is { } world)
        {
            writer.Write((ulong)(world >> 64));
            writer.Write((ulong)world);
        }
        writer.Write(stored.Articles.Count);
        foreach (var article in stored.Articles.OrderBy(a => a.FullPath, StringComparer.Ordinal))
        {
            WriteRecord(writer, kept, kept?.Article(article), () => StoredArticle.Write(writer, article));
        }
        writer.Write(stored.Pages.Count);
        foreach (var (article, (fingerprint, entry)) in stored.Pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteRecord(writer, kept, kept?.Page(article, fingerprint, entry), () =>
            {
                writer.Write(article);
                writer.Write(fingerprint);
                WriteEntry(writer, entry);
            });
        }
        writer.Write(stored.Listings.Count);
        foreach (var (path, (fingerprint, listing)) in stored.Listings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteRecord(writer, kept, kept?.Listing(path, fingerprint, listing), () =>
            {
                writer.Write(path);
                writer.Write(fingerprint);
                WriteListing(writer, listing);
            });
        }
        WriteOutput(writer, stored.Output, kept);
        WriteSpare(writer, stored.Spare, stored.Output, kept);
    }

    /// <summary>A record: the old file's bytes when it is unchanged there, or encoded by <paramref name="encode"/>.</summary>
    private static void WriteRecord(CacheWriter writer, KeptRecords? kept, Range? unchanged, Action encode)
    {
        if (kept is not null && unchanged is { } bytes)
        {
            writer.WriteRecord(kept.Data.AsSpan(bytes));
            return;
        }
        writer.BeginRecord();
        encode();
        writer.EndRecord();
    }

    /// <summary>The spare's files are mostly the output's as it is now (the last output, and this build changed
    /// no file list): then they are written as a flag, not 30,000 paths again.</summary>
    private static void WriteSpare(CacheWriter writer, SpareTree? spare, OutputManifest? output, KeptRecords? kept)
    {
        writer.Write(spare is not null);
        if (spare is not null)
        {
            writer.WriteText(spare.Id);
            var same = output is not null && spare.Files.SequenceEqual(output.Files);
            writer.Write(same);
            if (!same)
            {
                WriteStrings(writer, spare.Files, kept);
            }
            WriteStrings(writer, spare.Renewed, kept);
            WriteFolders(writer, spare.Folders, kept);
        }
    }

    private static SpareTree ReadSpare(CacheReader reader, OutputManifest? output, KeptRecords kept)
    {
        var id = reader.ReadText();
        var files = reader.ReadBoolean() ? output?.Files ?? throw new InvalidDataException("a spare like no output") : ReadStrings(reader, kept);
        return new SpareTree(id, files, ReadStrings(reader, kept), ReadFolders(reader, kept));
    }

    private static void WriteOutput(CacheWriter writer, OutputManifest? output, KeptRecords? kept)
    {
        writer.Write(output is not null);
        if (output is null)
        {
            return;
        }
        WriteStrings(writer, output.Files, kept);
        WriteFolders(writer, output.Folders, kept);
    }

    /// <summary>A list of folders, as a record: copied when the file read had the same list (see <see cref="KeptRecords.List{T}"/>).</summary>
    private static void WriteFolders(CacheWriter writer, IReadOnlyList<FolderStamp> folders, KeptRecords? kept) =>
        WriteRecord(writer, kept, kept?.List(folders), () =>
        {
            writer.Write(folders.Count);
            foreach (var folder in folders)
            {
                writer.Write(folder.Path);
                writer.Write(folder.ChangeTime);
                writer.Write(folder.Inode);
            }
        });

    private static List<FolderStamp> ReadFolders(CacheReader reader, KeptRecords kept) =>
        kept.Listed(reader.ReadRecord(r => List(r, f => new FolderStamp(f.ReadString(), f.ReadInt64(), f.ReadInt64())), out var bytes), bytes);

    /// <summary>A list of paths, as a record: copied when the file read had the same list.</summary>
    private static void WriteStrings(CacheWriter writer, IReadOnlyList<string> values, KeptRecords? kept) =>
        WriteRecord(writer, kept, kept?.List(values), () =>
        {
            writer.Write(values.Count);
            foreach (var value in values)
            {
                writer.Write(value);
            }
        });

    private static List<string> ReadStrings(CacheReader reader, KeptRecords kept) =>
        kept.Listed(reader.ReadRecord(r => List(r, s => s.ReadString()), out var bytes), bytes);

    private static string FullPath(string dir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));

    private static void WriteListing(CacheWriter writer, RenderCache.Listing listing)
    {
        writer.Write((int)listing.Kind);
        WriteFiles(writer, listing.Files);
        writer.Write(listing.Links is not null);
        if (listing.Links is { } links)
        {
            WriteLinks(writer, links);
        }
    }

    private static RenderCache.Listing ReadListing(CacheReader reader)
    {
        var kind = reader.ReadInt32() is var value && Enum.IsDefined((PageKind)value) ? (PageKind)value : throw new InvalidDataException("unknown page kind");
        return new RenderCache.Listing(kind, ReadFiles(reader), reader.ReadBoolean() ? ReadLinks(reader) : null);
    }

    private static void WriteFiles(CacheWriter writer, IReadOnlyList<OutputFile> files)
    {
        writer.Write(files.Count);
        foreach (var file in files)
        {
            writer.Write(file.Path);
            writer.Write(file.Length);
            writer.Write(file.WriteTicks);
        }
    }

    private static List<OutputFile> ReadFiles(CacheReader reader) => List(reader, r => new OutputFile(r.ReadString(), r.ReadInt64(), r.ReadInt64()));

    private static void WriteEntry(CacheWriter writer, RenderCache.Entry entry)
    {
        WriteFiles(writer, entry.Files);
        WriteLinks(writer, entry.Links);
        WriteDiagnostics(writer, entry.Diagnostics);
        writer.Write(entry.CitedSources.Count);
        foreach (var key in entry.CitedSources)
        {
            writer.Write(key);
        }
        writer.Write(entry.Claims.Count);
        foreach (var claim in entry.Claims)
        {
            writer.Write(claim.Claim);
            writer.Write(claim.Verdict);
            WriteOptional(writer, claim.Claimant);
            writer.Write(claim.Slug);
            writer.Write(claim.Url);
            writer.Write(claim.Title);
            StoredArticle.WriteDate(writer, claim.Date);
            writer.Write(claim.NoteId);
        }
    }

    private static void WriteLinks(CacheWriter writer, LinkChecker.PageLinks links)
    {
        writer.Write(links.Path);
        writer.Write(links.Ids.Length);
        foreach (var id in links.Ids)
        {
            writer.Write(id);
        }
        writer.Write(links.Pending.Count);
        foreach (var pending in links.Pending)
        {
            writer.Write(pending.Link);
            writer.Write(pending.Target);
            WriteOptional(writer, pending.Fragment);
            writer.Write(pending.File);
            writer.Write7BitEncodedInt(pending.Line);
            writer.Write7BitEncodedInt(pending.Column);
            writer.Write(pending.FromPage);
        }
        WriteDiagnostics(writer, links.Problems);
        writer.Write(links.Found is not null);
        if (links.Found is { } found)
        {
            WriteDiagnostics(writer, found);
        }
    }

    private static LinkChecker.PageLinks ReadLinks(CacheReader reader)
    {
        var path = reader.ReadString();
        var ids = reader.ReadUInt64s();
        var pending = StoredPending.Read(reader);
        return new LinkChecker.PageLinks(path, ids, pending, ReadDiagnostics(reader)) { Found = reader.ReadBoolean() ? ReadDiagnostics(reader) : null };
    }

    /// <summary>A page's links to other pages as the cache holds them, decoded when first asked for: a page carried
    /// into a build whose files and ids are the last build's is not checked again (see <see cref="LinkChecker.Check"/>),
    /// and decoding 10,000 pages' links was a quarter of reading the cache.</summary>
    private sealed class StoredPending : IReadOnlyList<LinkChecker.Pending>
    {
        private readonly CacheReader _file;
        private readonly Range _bytes;
        private readonly int _count;
        private LinkChecker.Pending[]? _decoded;

        private StoredPending(CacheReader file, Range bytes, int count) => (_file, _bytes, _count) = (file, bytes, count);

        /// <summary>The links at the reader's position: checked now (a damaged record fails the whole file, as any
        /// other), decoded when first asked for.</summary>
        public static IReadOnlyList<LinkChecker.Pending> Read(CacheReader reader)
        {
            var count = StoredArticle.Count(reader);
            if (count == 0)
            {
                return [];
            }
            var start = reader.Position;
            for (var i = 0; i < count; i++)
            {
                Skip(reader);
            }
            return new StoredPending(reader, start..reader.Position, count);
        }

        private static LinkChecker.Pending ReadOne(CacheReader r) =>
            new(r.ReadString(), r.ReadString(), ReadOptional(r), r.ReadString(), r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.ReadString());

        /// <summary>What <see cref="ReadOne"/> reads, checked but not decoded.</summary>
        private static void Skip(CacheReader reader)
        {
            reader.SkipString();
            reader.SkipString();
            if (reader.ReadBoolean())
            {
                reader.SkipString();
            }
            reader.SkipString();
            (_, _) = (reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
            reader.SkipString();
        }

        /// <summary>Decoded once; two threads decoding at once make equal arrays, and either is kept.</summary>
        private LinkChecker.Pending[] Decoded => _decoded ??= Decode();

        private LinkChecker.Pending[] Decode()
        {
            var reader = _file.Over(_bytes);
            var links = new LinkChecker.Pending[_count];
            for (var i = 0; i < links.Length; i++)
            {
                links[i] = ReadOne(reader);
            }
            return links;
        }

        public LinkChecker.Pending this[int index] => Decoded[index];

        public int Count => _count;

        public IEnumerator<LinkChecker.Pending> GetEnumerator() => ((IEnumerable<LinkChecker.Pending>)Decoded).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static RenderCache.Entry ReadEntry(CacheReader reader)
    {
        var files = ReadFiles(reader);
        var links = ReadLinks(reader);
        var diagnostics = ReadDiagnostics(reader);
        var cited = List(reader, r => r.ReadString());
        var claims = List(reader, r => new CheckedClaim(r.ReadString(), r.ReadString(), ReadOptional(r), r.ReadString(), r.ReadString(), r.ReadString(), StoredArticle.ReadDate(r), r.ReadString()));
        return new RenderCache.Entry(null, null, links, diagnostics, cited, claims) { Files = files };
    }

    private static void WriteDiagnostics(CacheWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        writer.Write(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            writer.Write(diagnostic.File);
            writer.Write(diagnostic.Line);
            writer.Write(diagnostic.Column);
            writer.Write((int)diagnostic.Severity);
            writer.Write(diagnostic.Code);
            writer.Write(diagnostic.Message);
        }
    }

    private static List<Diagnostic> ReadDiagnostics(CacheReader reader) =>
        List(reader, r => new Diagnostic(r.ReadString(), r.ReadInt32(), r.ReadInt32(), ReadSeverity(r), r.ReadString(), r.ReadString()));

    private static Severity ReadSeverity(CacheReader reader) =>
        reader.ReadInt32() is var value && Enum.IsDefined((Severity)value) ? (Severity)value : throw new InvalidDataException("unknown severity");

    private static void WriteOptional(CacheWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(CacheReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    /// <summary>A count, then that many items; a count no file this size can hold is corruption.</summary>
    private static List<T> List<T>(CacheReader reader, Func<CacheReader, T> read)
    {
        var count = StoredArticle.Count(reader);
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read(reader));
        }
        return items;
    }
}
