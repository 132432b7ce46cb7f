using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Site.Generation;

namespace Site.Content;

/// <summary>
/// YAML already parsed, by the hash of its text and the line it starts at, so a build parses only the YAML
/// that changed: sources.yml, site.yml, the strings tables and front matter. YamlDotNet's parser was a
/// seventh of the sample site's instructions (13.8 of 101 million, sources.yml alone 7.4), reading the
/// trees back a fraction of that. Publish builds keep it in <c>.site-cache/build/yaml.bin</c>: the format,
/// the build of Site, the trees, and a <see cref="ContentHash"/> of all that; a file that does not check out
/// is ignored.
/// </summary>
/// <remarks>One table for the process, not one per build: it memoizes a pure function. The same text at
/// the same line parses to the same tree whatever the site, and trees are immutable, so builds in parallel
/// (tests) or in turn (the preview) share it safely. Only trees parsed without a problem are kept: YAML
/// with a mistake is parsed, and reported, on every build.</remarks>
internal static class YamlTreeCache
{
    public const string FileName = "yaml.bin";

    /// <summary>Changes whenever what is written here changes shape.</summary>
    private const string Format = "site yaml cache 1";

    /// <summary>A preview edited for hours parses many versions of its files; past this the table starts again.</summary>
    private const int MaxEntries = 20_000;

    private const byte Scalar = 0, PlainScalar = 1, List = 2, Map = 3;

    private static readonly ConcurrentDictionary<(UInt128 Hash, int FirstLine), Entry> Parsed = new();

    /// <summary>Whether a tree was parsed since the file was read: only then is it written again.</summary>
    private static volatile bool _changed;

    private sealed class Entry(YamlNode tree)
    {
        public YamlNode Tree { get; } = tree;

        /// <summary>Looked up by this process. A build that takes its articles from the render cache parses
        /// no front matter, so trees go unused for a build or two and are kept; but an article edited
        /// again and again leaves a tree per version, so when the unused outnumber the used they go.</summary>
        public volatile bool Used;
    }

    public static bool TryGet(string yaml, int firstLine, out YamlNode tree)
    {
        if (Parsed.TryGetValue((Hash(yaml), firstLine), out var entry))
        {
            entry.Used = true;
            tree = entry.Tree;
            return true;
        }
        tree = null!;
        return false;
    }

    public static void Add(string yaml, int firstLine, YamlNode tree)
    {
        if (Parsed.Count >= MaxEntries)
        {
            Parsed.Clear();
        }
        Parsed[(Hash(yaml), firstLine)] = new Entry(tree) { Used = true };
        _changed = true;
    }

    private static UInt128 Hash(string yaml) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(yaml.AsSpan()));

    /// <summary>Adds the trees of <paramref name="file"/>, if it is whole and of this format.</summary>
    public static void Read(string file)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (!ContentHash.Sealed(bytes, out var length))
            {
                return;
            }
            var reader = CacheReader.Open(bytes, length);
            // Trees are made by Site's code, so another build of Site parses the YAML again.
            if (reader.ReadText() != Format || reader.ReadText() != RenderInputs.SiteVersion())
            {
                return;
            }
            var read = new List<((UInt128, int), YamlNode)>();
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var key = (new UInt128(reader.ReadUInt64(), reader.ReadUInt64()), reader.ReadInt32());
                read.Add((key, ReadNode(reader, 0)));
            }
            if (reader.Remaining != 0)
            {
                return;
            }
            foreach (var (key, tree) in read)
            {
                Parsed.TryAdd(key, new Entry(tree));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException or InvalidDataException)
        {
            // Missing, unreadable or malformed: the YAML is parsed instead.
        }
    }

    /// <summary>Writes the trees to <paramref name="file"/> (aside, then renamed) when any was parsed since
    /// <see cref="Read"/>. A cache that cannot be written is skipped.</summary>
    public static void Write(string file)
    {
        if (!_changed)
        {
            return;
        }
        var used = Parsed.Count(p => p.Value.Used);
        var kept = Parsed.Where(p => p.Value.Used || used * 2 >= Parsed.Count).OrderBy(p => p.Key.Hash).ThenBy(p => p.Key.FirstLine).ToList();
        try
        {
            var buffer = new MemoryStream();
            var writer = new CacheWriter(buffer);
            writer.WriteText(Format);
            writer.WriteText(RenderInputs.SiteVersion());
            writer.Write(kept.Count);
            foreach (var (key, entry) in kept)
            {
                writer.Write((ulong)(key.Hash >> 64));
                writer.Write((ulong)key.Hash);
                writer.Write(key.FirstLine);
                WriteNode(writer, entry.Tree);
            }
            writer.Finish(writer.TableCount);
            ContentHash.Seal(buffer);
            WholeFile.Replace(file, buffer.ToArray());
            _changed = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next build parses what it cannot read back; a failed save must not fail a published build.
        }
    }

    private static void WriteNode(CacheWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                writer.Write7BitEncodedInt(scalar.IsPlain ? PlainScalar : Scalar);
                WritePosition(writer, node);
                writer.Write(scalar.Value);
                break;
            case YamlList list:
                writer.Write7BitEncodedInt(List);
                WritePosition(writer, node);
                writer.Write7BitEncodedInt(list.Items.Count);
                foreach (var item in list.Items)
                {
                    WriteNode(writer, item);
                }
                break;
            case YamlMap map:
                writer.Write7BitEncodedInt(Map);
                WritePosition(writer, node);
                writer.Write7BitEncodedInt(map.Entries.Count);
                foreach (var (key, value) in map.Entries)
                {
                    WriteNode(writer, key);
                    WriteNode(writer, value);
                }
                break;
        }
    }

    private static void WritePosition(CacheWriter writer, YamlNode node)
    {
        writer.Write7BitEncodedInt(node.Line);
        writer.Write7BitEncodedInt(node.Column);
    }

    /// <exception cref="InvalidDataException">A node of no known kind, nested deeper than a parse allows, or
    /// a count larger than the bytes left could hold.</exception>
    private static YamlNode ReadNode(CacheReader reader, int depth)
    {
        if (depth > YamlTree.MaxDepth + 1)
        {
            throw new InvalidDataException("YAML nested deeper than a parse allows");
        }
        var kind = reader.Read7BitEncodedInt();
        var (line, column) = (reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
        switch (kind)
        {
            case Scalar or PlainScalar:
                return new YamlScalar(reader.ReadString(), kind == PlainScalar, line, column);
            case List:
            {
                var items = new YamlNode[Count(reader)];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadNode(reader, depth + 1);
                }
                return new YamlList(items, line, column);
            }
            case Map:
            {
                var entries = new KeyValuePair<YamlScalar, YamlNode>[Count(reader)];
                for (var i = 0; i < entries.Length; i++)
                {
                    var key = ReadNode(reader, depth + 1) as YamlScalar ?? throw new InvalidDataException("a mapping key that is not a scalar");
                    entries[i] = new(key, ReadNode(reader, depth + 1));
                }
                return new YamlMap(entries, line, column);
            }
            default:
                throw new InvalidDataException($"a YAML node of kind {kind}");
        }
    }

    /// <summary>Every node takes three bytes at least.</summary>
    private static int Count(CacheReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count <= reader.Remaining / 3 ? count : throw new InvalidDataException("a count past the end of the file");
    }
}
