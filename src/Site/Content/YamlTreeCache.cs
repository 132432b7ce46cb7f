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
/// the build of Site, the trees (each a record of <see cref="CacheWriter"/>'s, decoded when first looked up),
/// their strings' table, and a <see cref="ContentHash"/> of all that; a file that does not check out is ignored.
/// </summary>
/// <remarks>One table for the process, not one per build: it memoizes a pure function. The same text at
/// the same line parses to the same tree whatever the site, and trees are immutable, so builds in parallel
/// (tests) or in turn (the preview) share it safely. Only trees parsed without a problem are kept: YAML
/// with a mistake is parsed, and reported, on every build.</remarks>
internal static class YamlTreeCache
{
    public const string FileName = "yaml.bin";

    /// <summary>Changes whenever what is written here changes shape.</summary>
    private const string Format = "site yaml cache 2";

    /// <summary>A preview edited for hours parses many versions of its files; past this the table starts again.</summary>
    private const int MaxEntries = 20_000;

    /// <summary>A kept string table that has doubled since it was started afresh holds mostly strings of trees
    /// long dropped: the next write starts afresh.</summary>
    private const int TableGrowth = 2;

    /// <summary>Fewer trees than this are a small site's, a few hundred KB: compacting the sample site's cost
    /// 1% of its instructions (callgrind: 102.3 to 103.4 million).</summary>
    private const int WorthCompacting = 1000;

    private const byte Scalar = 0, PlainScalar = 1, List = 2, Map = 3;

    /// <summary>Trees this process parsed.</summary>
    private static readonly ConcurrentDictionary<(UInt128 Hash, int FirstLine), YamlNode> Parsed = new();

    /// <summary>Whether a tree was parsed since the file was read: only then is it written again.</summary>
    private static volatile bool _changed;

    /// <summary>The trees of the file last read, whose bytes the next write copies as they are, keeping its string table.</summary>
    private static volatile FileTrees? _file;

    /// <summary>The trees of a file as read: its keys in order, each tree decoded when first looked up. A build
    /// that takes its articles from the render cache parses no front matter, and decoding every article's tree
    /// (5.8 MB of them at 10,000 articles) was a tenth of a build that changed one; adding each key to a
    /// dictionary was still 8% of a build that changed nothing, so they are found by binary search instead
    /// (the file keeps them sorted).</summary>
    private sealed class FileTrees(CacheReader file, (UInt128 Hash, int FirstLine)[] keys, Range[] records, bool[] used)
    {
        private readonly YamlNode?[] _trees = new YamlNode?[keys.Length];

        /// <summary>Whether this process looked a tree up. A build that takes its articles from the render cache
        /// parses no front matter, so trees go unused for a build or two and are kept; but an article edited
        /// again and again leaves a tree per version, so when the unused outnumber the used they go.</summary>
        private readonly bool[] _used = used;

        public CacheReader File => file;

        public int Count => keys.Length;

        public (UInt128 Hash, int FirstLine) Key(int index) => keys[index];

        public Range Record(int index) => records[index];

        public bool Used(int index) => _used[index];

        /// <returns>The tree's index, or a negative number when the file has none for the key.</returns>
        public int Find((UInt128 Hash, int FirstLine) key) => Array.BinarySearch(keys, key);

        /// <summary>The tree; null when the file's bytes make none (the tree is parsed again instead). Trees are
        /// immutable, so two threads decoding the same one at once is harmless.</summary>
        public YamlNode? Tree(int index, bool use)
        {
            _used[index] |= use;
            return _trees[index] ??= Decode(index);
        }

        private YamlNode? Decode(int index)
        {
            try
            {
                var reader = file.Over(records[index]);
                var tree = ReadNode(reader, 0);
                return reader.Remaining == 0 ? tree : null;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
    }

    public static bool TryGet(string yaml, int firstLine, out YamlNode tree)
    {
        var key = (Hash(yaml), firstLine);
        if (Parsed.TryGetValue(key, out var parsed))
        {
            tree = parsed;
            return true;
        }
        if (_file is { } file && file.Find(key) is var index and >= 0 && file.Tree(index, use: true) is { } known)
        {
            tree = known;
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
        Parsed[(Hash(yaml), firstLine)] = tree;
        _changed = true;
    }

    private static UInt128 Hash(string yaml) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(yaml.AsSpan()));

    /// <summary>Takes the trees of <paramref name="file"/>, if it is whole and of this format: where each one's
    /// bytes are, decoded when first looked up.</summary>
    public static void Read(string file)
    {
        try
        {
            if (Open(File.ReadAllBytes(file), used: null) is { } read)
            {
                _file = read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException or InvalidDataException)
        {
            // Missing, unreadable or malformed: the YAML is parsed instead.
        }
    }

    /// <summary>The trees of <paramref name="bytes"/>, when they are whole and of this format; none looked up yet
    /// unless <paramref name="used"/> says which were.</summary>
    private static FileTrees? Open(byte[] bytes, bool[]? used)
    {
        if (!ContentHash.Sealed(bytes, out var length))
        {
            return null;
        }
        var reader = CacheReader.Open(bytes, length);
        // Trees are made by Site's code, so another build of Site parses the YAML again.
        if (reader.ReadText() != Format || reader.ReadText() != RenderInputs.SiteVersion())
        {
            return null;
        }
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.Remaining || (used is not null && used.Length != count))
        {
            return null;
        }
        var keys = new (UInt128, int)[count];
        var records = new Range[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = (new UInt128(reader.ReadUInt64(), reader.ReadUInt64()), reader.ReadInt32());
            records[i] = reader.SkipRecord();
            // In order and each once, as written: a binary search finds them.
            if (i > 0 && keys[i - 1].CompareTo(keys[i]) >= 0)
            {
                return null;
            }
        }
        return reader.Remaining == 0 ? new FileTrees(reader, keys, records, used ?? new bool[count]) : null;
    }

    /// <summary>Writes the trees to <paramref name="file"/> (aside, then renamed) when any was parsed since
    /// <see cref="Read"/>; those read from the file, or kept as bytes by <see cref="Compact"/>, and not changed
    /// since are copied as they were. A cache that cannot be written is skipped.</summary>
    public static void Write(string file)
    {
        if (!_changed)
        {
            return;
        }
        try
        {
            WholeFile.Replace(file, Serialise(_file, out _));
            _changed = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next build parses what it cannot read back; a failed save must not fail a published build.
        }
    }

    /// <summary>Keeps the trees parsed since the last <see cref="Read"/> or compaction as the bytes
    /// <see cref="Write"/> would write, decoded again when looked up: the trees of a large site's front matter
    /// were a quarter of what a build holds while it renders (33 of 117 MB live at 10,000 articles, their
    /// bytes 6 MB), kept only to be written at its end. <see cref="Write"/> then copies those bytes.</summary>
    public static void Compact()
    {
        if (!_changed || Parsed.Count < WorthCompacting)
        {
            return;
        }
        var read = _file;
        var bytes = Serialise(read, out var kept);
        if (Open(bytes, [.. kept.Select(k => k.Index < 0 || read!.Used(k.Index))]) is not { } compacted)
        {
            return;
        }
        _file = compacted;
        foreach (var (key, tree, index) in kept)
        {
            // Only the tree serialised: one a build in parallel (tests) added or replaced meanwhile stays.
            if (index < 0)
            {
                Parsed.TryRemove(KeyValuePair.Create(key, tree!));
            }
        }
    }

    /// <summary>The file's bytes, and the trees they hold (see <see cref="Kept"/>) in the file's order.</summary>
    private static byte[] Serialise(FileTrees? read, out List<((UInt128 Hash, int FirstLine) Key, YamlNode? Tree, int Index)> kept)
    {
        var last = read is not null && read.File.Table.Count <= (TableGrowth * read.File.FreshCount) + 1000 ? read : null;
        kept = Kept(read, last);
        var buffer = new MemoryStream();
        var writer = new CacheWriter(buffer, last?.File.Table);
        writer.WriteText(Format);
        writer.WriteText(RenderInputs.SiteVersion());
        writer.Write(kept.Count);
        foreach (var (key, tree, index) in kept)
        {
            writer.Write((ulong)(key.Hash >> 64));
            writer.Write((ulong)key.Hash);
            writer.Write(key.FirstLine);
            if (tree is null)
            {
                writer.WriteRecord(last!.File.Data.AsSpan(last.Record(index)));
                continue;
            }
            writer.BeginRecord();
            WriteNode(writer, tree);
            writer.EndRecord();
        }
        writer.Finish(last?.File.FreshCount ?? writer.TableCount);
        ContentHash.Seal(buffer);
        return buffer.ToArray();
    }

    /// <summary>The trees to write, in order: those this process parsed, and those of the file read, all of them
    /// while the unused do not outnumber the used, else the used only. A tree of <paramref name="last"/> comes
    /// without its tree (its bytes are copied); one of a file whose table is not kept, decoded.</summary>
    private static List<((UInt128 Hash, int FirstLine) Key, YamlNode? Tree, int Index)> Kept(FileTrees? read, FileTrees? last)
    {
        var kept = Parsed.Select(p => (p.Key, (YamlNode?)p.Value, -1)).ToList();
        if (read is not null)
        {
            var used = Parsed.Count + Enumerable.Range(0, read.Count).Count(read.Used);
            var keepAll = used * 2 >= Parsed.Count + read.Count;
            for (var i = 0; i < read.Count; i++)
            {
                if ((keepAll || read.Used(i)) && !Parsed.ContainsKey(read.Key(i)) && (last is not null || read.Tree(i, use: false) is not null))
                {
                    kept.Add((read.Key(i), last is null ? read.Tree(i, use: false) : null, i));
                }
            }
        }
        kept.Sort((a, b) => a.Key.CompareTo(b.Key));
        return kept;
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
