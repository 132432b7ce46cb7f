using Site.Content;
using Site.Diagnostics;

namespace Site.Generation;

/// <summary>
/// The publish build's <see cref="RenderCache"/> on disk (<c>.site-cache/build/pages.bin</c>): a header
/// naming the format, the output folder it describes, the build of Site that wrote it, the
/// <see cref="RenderInputs"/> and when the build began; the articles as loaded, the article pages and the
/// listing pages; then a <see cref="ContentHash"/> of all that. A file that is truncated, corrupt, of another format or for another
/// output folder is not trusted in any part: the build renders everything, as without a cache.
/// </summary>
internal static class RenderCacheFile
{
    /// <summary>Changes whenever what is written here changes shape.</summary>
    private const string Format = "site render cache 7";

    private const int HashLength = ContentHash.Length;

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
    }

    /// <returns>The stored cache, or null when there is none that can be trusted.</returns>
    public static Stored? Read(string file, string outputDir)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < HashLength || !ContentHash.Of(bytes.AsSpan(0, bytes.Length - HashLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength)))
            {
                return null;
            }
            using var reader = new StringTableReader(new MemoryStream(bytes, 0, bytes.Length - HashLength));
            if (reader.ReadString() != Format || reader.ReadString() != FullPath(outputDir))
            {
                return null;
            }
            // Articles are parsed by Site's code, so another build of Site parses them again.
            var sameSite = reader.ReadString() == RenderInputs.SiteVersion();
            var (inputs, buildStart) = (reader.ReadString(), reader.ReadInt64());
            var articles = List(reader, StoredArticle.Read);
            var pages = new Dictionary<string, (string, RenderCache.Entry)>(StringComparer.Ordinal);
            for (var count = StoredArticle.Count(reader); count > 0; count--)
            {
                pages[reader.ReadString()] = (reader.ReadString(), ReadEntry(reader));
            }
            var listings = new Dictionary<string, (string, RenderCache.Listing)>(StringComparer.Ordinal);
            for (var count = StoredArticle.Count(reader); count > 0; count--)
            {
                listings[reader.ReadString()] = (reader.ReadString(), ReadListing(reader));
            }
            var spare = reader.ReadBoolean() ? new SpareTree(reader.ReadString(), List(reader, r => r.ReadString()), List(reader, r => r.ReadString()), ReadFolders(reader)) : null;
            var output = reader.ReadBoolean() ? new OutputManifest(List(reader, r => r.ReadString()), ReadFolders(reader)) : null;
            return reader.BaseStream.Position == reader.BaseStream.Length
                ? new Stored(inputs, buildStart, sameSite ? articles : [], pages, listings) { Spare = spare, Output = output }
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException or InvalidDataException)
        {
            // Missing, unreadable or malformed: a cache is never needed for a correct build.
            return null;
        }
    }

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
            using (var buffered = new BufferedStream(hashed, 1 << 16))
            {
                using (var writer = new StringTableWriter(buffered))
                {
                    WriteContent(writer, outputDir, stored);
                }
                buffered.Flush();
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

    private static void WriteContent(BinaryWriter writer, string outputDir, Stored stored)
    {
        writer.Write(Format);
        writer.Write(FullPath(outputDir));
        writer.Write(RenderInputs.SiteVersion());
        writer.Write(stored.Inputs);
        writer.Write(stored.BuildStart);
        writer.Write(stored.Articles.Count);
        foreach (var article in stored.Articles.OrderBy(a => a.FullPath, StringComparer.Ordinal))
        {
            StoredArticle.Write(writer, article);
        }
        writer.Write(stored.Pages.Count);
        foreach (var (article, (fingerprint, entry)) in stored.Pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(article);
            writer.Write(fingerprint);
            WriteEntry(writer, entry);
        }
        writer.Write(stored.Listings.Count);
        foreach (var (path, (fingerprint, listing)) in stored.Listings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(path);
            writer.Write(fingerprint);
            WriteListing(writer, listing);
        }
        WriteSpare(writer, stored.Spare);
        WriteOutput(writer, stored.Output);
    }

    private static void WriteSpare(BinaryWriter writer, SpareTree? spare)
    {
        writer.Write(spare is not null);
        if (spare is not null)
        {
            writer.Write(spare.Id);
            WriteStrings(writer, spare.Files);
            WriteStrings(writer, spare.Renewed);
            WriteFolders(writer, spare.Folders);
        }
    }

    private static void WriteOutput(BinaryWriter writer, OutputManifest? output)
    {
        writer.Write(output is not null);
        if (output is null)
        {
            return;
        }
        WriteStrings(writer, output.Files);
        WriteFolders(writer, output.Folders);
    }

    private static void WriteFolders(BinaryWriter writer, IReadOnlyList<FolderStamp> folders)
    {
        writer.Write(folders.Count);
        foreach (var folder in folders)
        {
            writer.Write(folder.Path);
            writer.Write(folder.ChangeTime);
            writer.Write(folder.Inode);
        }
    }

    private static List<FolderStamp> ReadFolders(BinaryReader reader) => List(reader, r => new FolderStamp(r.ReadString(), r.ReadInt64(), r.ReadInt64()));

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string FullPath(string dir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));

    private static void WriteListing(BinaryWriter writer, RenderCache.Listing listing)
    {
        writer.Write((int)listing.Kind);
        WriteFiles(writer, listing.Files);
        writer.Write(listing.Links is not null);
        if (listing.Links is { } links)
        {
            WriteLinks(writer, links);
        }
    }

    private static RenderCache.Listing ReadListing(BinaryReader reader)
    {
        var kind = reader.ReadInt32() is var value && Enum.IsDefined((PageKind)value) ? (PageKind)value : throw new InvalidDataException("unknown page kind");
        return new RenderCache.Listing(kind, ReadFiles(reader), reader.ReadBoolean() ? ReadLinks(reader) : null);
    }

    private static void WriteFiles(BinaryWriter writer, IReadOnlyList<OutputFile> files)
    {
        writer.Write(files.Count);
        foreach (var file in files)
        {
            writer.Write(file.Path);
            writer.Write(file.Length);
            writer.Write(file.WriteTicks);
        }
    }

    private static List<OutputFile> ReadFiles(BinaryReader reader) => List(reader, r => new OutputFile(r.ReadString(), r.ReadInt64(), r.ReadInt64()));

    private static void WriteEntry(BinaryWriter writer, RenderCache.Entry entry)
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

    private static void WriteLinks(BinaryWriter writer, LinkChecker.PageLinks links)
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
    }

    private static LinkChecker.PageLinks ReadLinks(BinaryReader reader)
    {
        var path = reader.ReadString();
        var ids = List(reader, r => r.ReadUInt64()).ToArray();
        var pending = List(reader, r => new LinkChecker.Pending(r.ReadString(), r.ReadString(), ReadOptional(r), r.ReadString(), r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.ReadString()));
        return new LinkChecker.PageLinks(path, ids, pending, ReadDiagnostics(reader));
    }

    private static RenderCache.Entry ReadEntry(BinaryReader reader)
    {
        var files = ReadFiles(reader);
        var links = ReadLinks(reader);
        var diagnostics = ReadDiagnostics(reader);
        var cited = List(reader, r => r.ReadString());
        var claims = List(reader, r => new CheckedClaim(r.ReadString(), r.ReadString(), ReadOptional(r), r.ReadString(), r.ReadString(), r.ReadString(), StoredArticle.ReadDate(r), r.ReadString()));
        return new RenderCache.Entry(null, null, links, diagnostics, cited, claims) { Files = files };
    }

    private static void WriteDiagnostics(BinaryWriter writer, IReadOnlyList<Diagnostic> diagnostics)
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

    private static List<Diagnostic> ReadDiagnostics(BinaryReader reader) =>
        List(reader, r => new Diagnostic(r.ReadString(), r.ReadInt32(), r.ReadInt32(), ReadSeverity(r), r.ReadString(), r.ReadString()));

    private static Severity ReadSeverity(BinaryReader reader) =>
        reader.ReadInt32() is var value && Enum.IsDefined((Severity)value) ? (Severity)value : throw new InvalidDataException("unknown severity");

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    /// <summary>A count, then that many items; a count no file this size can hold is corruption.</summary>
    private static List<T> List<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("impossible count");
        }
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read(reader));
        }
        return items;
    }
}
