using System.Collections.Concurrent;
using Site.Content;

namespace Site.Generation;

/// <summary>
/// The digests of listed articles' models (<see cref="ListingFingerprints"/>) that the last publish build made,
/// by what each model was made from (<see cref="ListedModels.Listed.Key"/>): an article whose file, place and
/// translations are as they were is not made into a model again only to be fingerprinted (issue 16).
/// <para>A digest found here stands for its key without a check of the <see cref="RenderInputs"/> (which take
/// 80 ms to compute again on a large site): a listing is carried only from a cache made with this build's
/// inputs (<see cref="RenderCache"/> drops them all when the inputs change), whose fingerprints took the same
/// digest for the same key from this table; and under the same inputs the same key makes the same model.
/// A key missing here is digested afresh, which at worst renders a listing that could have been carried.</para>
/// Kept beside the build cache (<c>.site-cache/build/listed.bin</c>): key and digest pairs, then a
/// <see cref="ContentHash"/> of them. A file that is missing, damaged or of another format is an empty table.
/// </summary>
internal sealed class ListedDigests
{
    public const string FileName = "listed.bin";

    /// <summary>Changes whenever what is written here changes shape.</summary>
    private const string Format = "site listed digests 1";

    private const int HashLength = ContentHash.Length;

    private readonly Dictionary<UInt128, byte[]> _last;

    /// <summary>What this build used or made: what the next build finds, so the table does not grow with
    /// articles long deleted or edited.</summary>
    private readonly ConcurrentDictionary<UInt128, byte[]> _used = new();

    private ListedDigests(Dictionary<UInt128, byte[]> last) => _last = last;

    /// <param name="reuse">False for <c>--no-cache</c>: the table starts empty, and is written afresh.</param>
    public static ListedDigests Read(string file, bool reuse)
    {
        var last = new Dictionary<UInt128, byte[]>();
        try
        {
            var bytes = reuse && File.Exists(file) ? File.ReadAllBytes(file) : [];
            if (ContentHash.Sealed(bytes, out var length))
            {
                using var reader = new BinaryReader(new MemoryStream(bytes, 0, length));
                if (reader.ReadString() == Format)
                {
                    for (var count = reader.ReadInt32(); count > 0; count--)
                    {
                        last[Key(reader.ReadBytes(HashLength))] = reader.ReadBytes(HashLength);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            // Not trusted in any part, and needed by nothing: every model is digested afresh.
            last.Clear();
        }
        return new ListedDigests(last);
    }

    public bool TryGet(byte[] key, out byte[] digest)
    {
        var k = Key(key);
        if (!_last.TryGetValue(k, out digest!))
        {
            return false;
        }
        _used[k] = digest;
        return true;
    }

    public void Set(byte[] key, byte[] digest) => _used[Key(key)] = digest;

    /// <summary>Saved after the build is published, as the build cache is; a failed save is only a note.</summary>
    public void Write(string file)
    {
        try
        {
            var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Format);
                writer.Write(_used.Count);
                // In key order: the same table makes the same file.
                foreach (var (key, digest) in _used.OrderBy(e => e.Key))
                {
                    writer.Write(BitConverter.GetBytes(key));
                    writer.Write(digest);
                }
            }
            ContentHash.Seal(stream);
            WholeFile.Replace(file, stream.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"site: note: the build cache was not saved: {e.Message}");
        }
    }

    private static UInt128 Key(byte[] key) => BitConverter.ToUInt128(key);
}
