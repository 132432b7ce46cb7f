using System.Text;

namespace Site.Generation;

/// <summary>
/// The build cache's strings, each written once: a page's links, tags, sources and paths repeat across
/// thousands of entries, so a repeat is written as the number of its first occurrence. The file is a
/// fraction of the size, and reading it makes one string per distinct value.
/// </summary>
internal sealed class StringTableWriter(Stream output) : BinaryWriter(output, Encoding.UTF8, leaveOpen: true)
{
    private readonly Dictionary<string, int> _written = new(StringComparer.Ordinal);

    public override void Write(string value)
    {
        if (_written.TryGetValue(value, out var number))
        {
            Write7BitEncodedInt(number + 1);
            return;
        }
        Write7BitEncodedInt(0);
        base.Write(value);
        _written[value] = _written.Count;
    }
}

/// <summary>Reads what <see cref="StringTableWriter"/> wrote.</summary>
internal sealed class StringTableReader(Stream input) : BinaryReader(input, Encoding.UTF8)
{
    private readonly List<string> _read = [];

    /// <exception cref="InvalidDataException">A repeat of a string not read yet.</exception>
    public override string ReadString()
    {
        var number = Read7BitEncodedInt();
        if (number == 0)
        {
            var value = base.ReadString();
            _read.Add(value);
            return value;
        }
        return number <= _read.Count ? _read[number - 1] : throw new InvalidDataException("a string that was never written");
    }
}
