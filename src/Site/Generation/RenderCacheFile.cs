using System.Security.Cryptography;
using System.Text;
using Site.Content;
using Site.Diagnostics;

namespace Site.Generation;

/// <summary>
/// The publish build's <see cref="RenderCache"/> on disk (<c>.site-cache/build/pages.bin</c>): a header
/// naming the format, the <see cref="RenderInputs"/> and the output folder it describes, the entries,
/// then a SHA-256 of all that. A file that is truncated, corrupt, of another format or for another
/// output folder is not trusted in any part: the build renders everything, as without a cache.
/// </summary>
internal static class RenderCacheFile
{
    /// <summary>Changes whenever what is written here changes shape.</summary>
    private const string Format = "site render cache 3";

    private const int HashLength = 32;

    /// <summary>What a file held: the inputs its pages were rendered with, and the pages by article.</summary>
    internal sealed record Stored(string Inputs, IReadOnlyDictionary<string, (string Fingerprint, RenderCache.Entry Entry)> Pages);

    /// <returns>The stored cache, or null when there is none that can be trusted.</returns>
    public static Stored? Read(string file, string outputDir)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < HashLength || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength)))
            {
                return null;
            }
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - HashLength), Encoding.UTF8);
            if (reader.ReadString() != Format || reader.ReadString() != FullPath(outputDir))
            {
                return null;
            }
            var inputs = reader.ReadString();
            var pages = new Dictionary<string, (string, RenderCache.Entry)>(StringComparer.Ordinal);
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                pages[reader.ReadString()] = (reader.ReadString(), ReadEntry(reader));
            }
            return reader.BaseStream.Position == reader.BaseStream.Length ? new Stored(inputs, pages) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException or InvalidDataException)
        {
            // Missing, unreadable or malformed: a cache is never needed for a correct build.
            return null;
        }
    }

    /// <summary>Replaces <paramref name="file"/> whole (written aside, then renamed), so a build killed
    /// while saving leaves the old cache or the new one. A cache that cannot be written is skipped.</summary>
    public static void Write(string file, string outputDir, string inputs, IReadOnlyDictionary<string, (string Fingerprint, RenderCache.Entry Entry)> pages)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(FullPath(outputDir));
            writer.Write(inputs);
            writer.Write(pages.Count);
            foreach (var (article, (fingerprint, entry)) in pages.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(article);
                writer.Write(fingerprint);
                WriteEntry(writer, entry);
            }
        }
        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        var aside = $"{file}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.WriteAllBytes(aside, buffer.ToArray());
            File.Move(aside, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next build renders what it cannot carry; a failed save must not fail a published build.
            Console.Error.WriteLine($"site: note: the build cache was not saved: {e.Message}");
        }
    }

    private static string FullPath(string dir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));

    private static void WriteEntry(BinaryWriter writer, RenderCache.Entry entry)
    {
        writer.Write(entry.Files.Count);
        foreach (var file in entry.Files)
        {
            writer.Write(file.Path);
            writer.Write(file.Length);
            writer.Write(file.WriteTicks);
        }
        var links = entry.Links;
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
            writer.Write(pending.Line);
            writer.Write(pending.Column);
            writer.Write(pending.FromPage);
        }
        WriteDiagnostics(writer, links.Problems);
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
            writer.Write(claim.Date.Value.UtcTicks);
            writer.Write(claim.Date.Value.Offset.Ticks);
            writer.Write(claim.Date.HasTime);
            writer.Write(claim.NoteId);
        }
    }

    private static RenderCache.Entry ReadEntry(BinaryReader reader)
    {
        var files = List(reader, r => new OutputFile(r.ReadString(), r.ReadInt64(), r.ReadInt64()));
        var path = reader.ReadString();
        var ids = List(reader, r => r.ReadUInt64()).ToArray();
        var pending = List(reader, r => new LinkChecker.Pending(r.ReadString(), r.ReadString(), ReadOptional(r), r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadString()));
        var links = new LinkChecker.PageLinks(path, ids, pending, ReadDiagnostics(reader));
        var diagnostics = ReadDiagnostics(reader);
        var cited = List(reader, r => r.ReadString());
        var claims = List(reader, r => new CheckedClaim(r.ReadString(), r.ReadString(), ReadOptional(r), r.ReadString(), r.ReadString(), r.ReadString(), ReadDate(r), r.ReadString()));
        return new RenderCache.Entry(null, null, links, diagnostics, cited, claims) { Files = files };
    }

    private static PublishDate ReadDate(BinaryReader reader)
    {
        var (utcTicks, offset, hasTime) = (reader.ReadInt64(), new TimeSpan(reader.ReadInt64()), reader.ReadBoolean());
        return new PublishDate(new DateTimeOffset(utcTicks + offset.Ticks, offset), hasTime);
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
