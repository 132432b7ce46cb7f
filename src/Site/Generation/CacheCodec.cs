using System.Buffers.Binary;
using System.Text;

namespace Site.Generation;

/// <summary>
/// Writes the build cache's bytes (see <see cref="RenderCacheFile"/>): numbers little-endian, and every
/// string of a record as the number of its entry in one table of distinct strings, written after the
/// records. A page's links, tags, sources and paths repeat across thousands of entries, so the file is a
/// fraction of the size and reading it makes one string per distinct value. A record is length-prefixed and
/// refers to nothing but the table, so a record the build did not change is copied as it was, bytes and all,
/// when the old file's table is kept as the start of this one (<paramref name="kept"/>).
/// </summary>
/// <param name="kept">The old file's table, reused: its strings keep their numbers and new ones are appended.
/// Null to start a table afresh.</param>
internal sealed class CacheWriter(Stream output, StringTable? kept = null)
{
    private const int FlushAt = 1 << 16;

    private byte[] _buffer = new byte[FlushAt * 2];
    private int _count;
    private long _flushed;
    private int _recordStart = -1;

    /// <summary>The table's strings by value, with their numbers: a kept table's too, those decoded (filled in at
    /// the first string), so a record encoded again refers to the strings it had rather than adding them again.</summary>
    private Dictionary<string, int>? _numbers;

    /// <summary>Strings this writer added to the table, in order.</summary>
    private readonly List<string> _added = [];

    /// <summary>Strings in the table once it is written: the kept ones and those added.</summary>
    public int TableCount => (kept?.Count ?? 0) + _added.Count;

    /// <summary>A string of a record, by its number in the table.</summary>
    public void Write(string value)
    {
        _numbers ??= kept?.Numbers() ?? new(StringComparer.Ordinal);
        if (!_numbers.TryGetValue(value, out var number))
        {
            number = TableCount;
            _numbers.Add(value, number);
            _added.Add(value);
        }
        Write7BitEncodedInt(number);
    }

    /// <summary>A string written out, not in the table: for the header, and paths that change every build.</summary>
    public void WriteText(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Write7BitEncodedInt(length);
        Encoding.UTF8.GetBytes(value, Reserve(length));
        _count += length;
    }

    public void Write(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(sizeof(int)), value);
        _count += sizeof(int);
    }

    public void Write(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(sizeof(long)), value);
        _count += sizeof(long);
    }

    public void Write(ulong value) => Write((long)value);

    public void Write(bool value)
    {
        Reserve(1)[0] = value ? (byte)1 : (byte)0;
        _count++;
    }

    public void Write7BitEncodedInt(int value)
    {
        var span = Reserve(5);
        var written = 0;
        var rest = (uint)value;
        for (; rest >= 0x80; rest >>= 7)
        {
            span[written++] = (byte)(rest | 0x80);
        }
        span[written++] = (byte)rest;
        _count += written;
    }

    /// <summary>Starts a record; its length is filled in by <see cref="EndRecord"/>.</summary>
    public void BeginRecord()
    {
        Reserve(sizeof(int));
        _recordStart = _count;
        _count += sizeof(int);
    }

    public void EndRecord()
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_recordStart), _count - _recordStart - sizeof(int));
        _recordStart = -1;
        FlushIfFull();
    }

    /// <summary>A record of the old file, as it was: its strings are the kept table's.</summary>
    public void WriteRecord(ReadOnlySpan<byte> record)
    {
        Write(record.Length);
        // Copied into the buffer: most records are a few hundred bytes, and each write to the file is a system call.
        record.CopyTo(Reserve(record.Length));
        _count += record.Length;
        FlushIfFull();
    }

    /// <summary>Ends the records: the table (the kept strings' bytes as they were, then the added ones), where it
    /// starts, and how many strings it had when it was last started afresh.</summary>
    /// <param name="freshCount">That count: the table's own when it was started afresh by this writer.</param>
    public void Finish(int freshCount)
    {
        var start = _flushed + _count;
        Write(TableCount);
        if (kept is not null)
        {
            Flush();
            output.Write(kept.Bytes.Span);
            _flushed += kept.Bytes.Length;
        }
        foreach (var value in _added)
        {
            WriteText(value);
            FlushIfFull();
        }
        Write(start);
        Write(freshCount);
        Flush();
    }

    private Span<byte> Reserve(int length)
    {
        if (_count + length > _buffer.Length)
        {
            // Inside a record the buffer grows: the record's length is filled in where it starts.
            if (_recordStart < 0)
            {
                Flush();
            }
            if (_count + length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + length));
            }
        }
        return _buffer.AsSpan(_count, length);
    }

    private void FlushIfFull()
    {
        if (_count >= FlushAt)
        {
            Flush();
        }
    }

    private void Flush()
    {
        output.Write(_buffer, 0, _count);
        _flushed += _count;
        _count = 0;
    }
}

/// <summary>The strings of a cache file, each decoded when first asked for: an old file's table holds strings
/// no record uses any more, and they are never decoded.</summary>
internal sealed class StringTable
{
    private readonly byte[] _data;
    private readonly int[] _starts;
    private readonly string?[] _strings;

    /// <exception cref="InvalidDataException">The table runs past its end.</exception>
    public StringTable(byte[] data, int start, int end, int count)
    {
        _data = data;
        _starts = new int[count + 1];
        _strings = new string?[count];
        var position = start;
        for (var i = 0; i < count; i++)
        {
            _starts[i] = position;
            var length = CacheReader.Read7BitEncodedInt(data, ref position, end);
            position += length;
            if (length < 0 || position > end)
            {
                throw new InvalidDataException("a string runs past the table");
            }
        }
        _starts[count] = position;
        if (position != end)
        {
            throw new InvalidDataException("bytes after the table");
        }
        Bytes = data.AsMemory(start, end - start);
    }

    public int Count => _strings.Length;

    /// <summary>The strings decoded so far by value, with their numbers (the first, should a table repeat one).
    /// Those never decoded belong to what no one asked for (an article's own sources, a YAML tree not looked up, a
    /// record replaced): a record that writes one again adds it again, a repeat the reader takes as any other
    /// string, and a save does not decode the whole table.</summary>
    public Dictionary<string, int> Numbers()
    {
        var numbers = new Dictionary<string, int>(Count + 1024, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            if (_strings[i] is { } known)
            {
                numbers.TryAdd(known, i);
            }
        }
        return numbers;
    }

    /// <summary>The table's strings as written, without their count.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <exception cref="InvalidDataException">A string that was never written.</exception>
    public string this[int number]
    {
        get
        {
            if ((uint)number >= (uint)_strings.Length)
            {
                throw new InvalidDataException("a string that was never written");
            }
            if (_strings[number] is { } known)
            {
                return known;
            }
            var position = _starts[number];
            var length = CacheReader.Read7BitEncodedInt(_data, ref position, _starts[number + 1]);
            return _strings[number] = Encoding.UTF8.GetString(_data, position, length);
        }
    }
}

/// <summary>Reads what <see cref="CacheWriter"/> wrote, from bytes in memory; every read past the end, and every
/// string number not in the table, throws <see cref="InvalidDataException"/>.</summary>
internal sealed class CacheReader
{
    private readonly byte[] _data;
    private readonly int _end;
    private int _position;

    private CacheReader(byte[] data, int start, int end, StringTable table)
    {
        _data = data;
        _position = start;
        _end = end;
        Table = table;
    }

    /// <summary>Reads <paramref name="data"/>'s first <paramref name="length"/> bytes: the records, then the table
    /// and the trailer <see cref="CacheWriter.Finish"/> wrote.</summary>
    public static CacheReader Open(byte[] data, int length)
    {
        const int trailer = sizeof(long) + sizeof(int);
        if (length < trailer)
        {
            throw new InvalidDataException("too short");
        }
        var tableStart = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(length - trailer));
        if (tableStart < 0 || tableStart > length - trailer - sizeof(int))
        {
            throw new InvalidDataException("no table");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan((int)tableStart));
        if (count < 0 || count > length)
        {
            throw new InvalidDataException("impossible count");
        }
        var table = new StringTable(data, (int)tableStart + sizeof(int), length - trailer, count);
        return new CacheReader(data, 0, (int)tableStart, table)
        {
            FreshCount = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(length - sizeof(int))),
        };
    }

    public StringTable Table { get; }

    /// <summary>How many strings the table had when it was last started afresh.</summary>
    public int FreshCount { get; private init; }

    public int Position => _position;

    /// <summary>Bytes left before the table: a count larger than this is corruption.</summary>
    public int Remaining => _end - _position;

    public byte[] Data => _data;

    public string ReadString() => Table[Read7BitEncodedInt()];

    /// <summary>Passes over a string, checking only that the table has it: for bytes decoded later, if at all.</summary>
    public void SkipString()
    {
        if ((uint)Read7BitEncodedInt() >= (uint)Table.Count)
        {
            throw new InvalidDataException("a string that was never written");
        }
    }

    public string ReadText()
    {
        var length = Read7BitEncodedInt();
        var text = Encoding.UTF8.GetString(Take(length));
        return text;
    }

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(sizeof(ulong)));

    /// <summary>A count, then that many numbers: one array, not a list grown and copied.</summary>
    public ulong[] ReadUInt64s()
    {
        var count = ReadInt32();
        if (count < 0 || count > Remaining / sizeof(ulong))
        {
            throw new InvalidDataException("impossible count");
        }
        var bytes = Take(count * sizeof(ulong));
        var values = new ulong[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * sizeof(ulong))..]);
        }
        return values;
    }

    public bool ReadBoolean() => Take(1)[0] switch
    {
        0 => false,
        1 => true,
        _ => throw new InvalidDataException("not a boolean"),
    };

    public int Read7BitEncodedInt() => Read7BitEncodedInt(_data, ref _position, _end);

    /// <summary>A record <see cref="CacheWriter.BeginRecord"/> started: read by <paramref name="read"/>, which must
    /// take all of it and no more.</summary>
    /// <param name="bytes">Where the record is in <see cref="Data"/>, its length included, to copy it as it is.</param>
    public T ReadRecord<T>(Func<CacheReader, T> read, out Range bytes)
    {
        var start = _position;
        var length = ReadInt32();
        var end = _position + length;
        if (length < 0 || end > _end)
        {
            throw new InvalidDataException("a record runs past the end");
        }
        var value = read(this);
        if (_position != end)
        {
            throw new InvalidDataException("a record of another length");
        }
        bytes = (start + sizeof(int))..end;
        return value;
    }

    /// <summary>Passes over a record <see cref="CacheWriter.BeginRecord"/> started, to read later with <see cref="Over"/>.</summary>
    /// <returns>Where the record is in <see cref="Data"/>, its length not included.</returns>
    public Range SkipRecord()
    {
        var length = ReadInt32();
        if (length < 0 || length > _end - _position)
        {
            throw new InvalidDataException("a record runs past the end");
        }
        _position += length;
        return (_position - length).._position;
    }

    /// <summary>A reader of one record that <see cref="SkipRecord"/> passed over.</summary>
    public CacheReader Over(Range record)
    {
        var (start, length) = record.GetOffsetAndLength(_end);
        return new CacheReader(_data, start, start + length, Table);
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > _end - _position)
        {
            throw new InvalidDataException("read past the end");
        }
        var span = _data.AsSpan(_position, length);
        _position += length;
        return span;
    }

    public static int Read7BitEncodedInt(byte[] data, ref int position, int end)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= end)
            {
                throw new InvalidDataException("read past the end");
            }
            var b = data[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new InvalidDataException("a number too long");
    }
}
