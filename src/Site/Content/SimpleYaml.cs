namespace Site.Content;

/// <summary>
/// Reads the plain shape nearly all front matter has, without YamlDotNet: block mappings of one-line plain or
/// double-quoted scalars, one-line flow lists of such scalars, and mappings nested under a key. YamlDotNet's
/// scanner was most of a clean build's loading (about 500 instructions per byte of front matter, a tenth of
/// a build of 1,000 articles). Anything else (comments, single quotes, escapes, block lists, multi-line or
/// unusual characters, duplicate keys, a mistake of any kind) is not read here: <see cref="TryRead"/> returns
/// null and <see cref="YamlTree"/> parses it with YamlDotNet, which reports any problem. What it does read it
/// reads to the same tree, positions included (checked against YamlDotNet in SimpleYamlTests).
/// </summary>
internal static class SimpleYaml
{
    /// <summary>Nested mappings deeper than this are left to YamlDotNet (and its depth check).</summary>
    private const int MaxDepth = 8;

    /// <summary>The tree of <paramref name="yaml"/>, which starts at 1-based line <paramref name="firstLine"/>,
    /// or null when it is not of the plain shape.</summary>
    public static YamlNode? TryRead(string yaml, int firstLine)
    {
        if (!IsPlainText(yaml))
        {
            return null;
        }
        var reader = new Reader(yaml, firstLine);
        // A root mapping is read to the end, or not at all: a line left over is indented in a way only YamlDotNet judges.
        return reader.NextContentLine() && reader.Indent == 0 ? reader.ReadMap(0, 0) : null;
    }

    /// <summary>Only printable characters YAML reads the same everywhere: no tab, no carriage return, no
    /// control, no line or paragraph separator, no byte order mark and nothing outside the basic plane.</summary>
    private static bool IsPlainText(string yaml)
    {
        foreach (var c in yaml)
        {
            if (!(c == '\n' || c is >= ' ' and <= '~' || c is >= '\u00A0' and <= '\uD7FF' and not '\u2028' and not '\u2029' || c is >= '\uE000' and <= '\uFFFD' and not '\uFEFF'))
            {
                return false;
            }
        }
        return true;
    }

    private sealed class Reader(string yaml, int firstLine)
    {
        private int _lineStart;
        private int _lineEnd = -1;
        private int _lineNumber = firstLine - 1;

        /// <summary>Spaces before the current line's content.</summary>
        public int Indent { get; private set; }

        private ReadOnlySpan<char> Line => yaml.AsSpan(_lineStart, _lineEnd - _lineStart);

        /// <summary>Moves to the next line with content (blank lines are skipped); false at the end.</summary>
        public bool NextContentLine()
        {
            while (_lineEnd < yaml.Length)
            {
                _lineStart = _lineEnd + 1;
                var end = yaml.IndexOf('\n', _lineStart);
                _lineEnd = end < 0 ? yaml.Length : end;
                _lineNumber++;
                var line = Line;
                var content = line.TrimStart(' ');
                if (content.Length > 0)
                {
                    Indent = line.Length - content.Length;
                    return true;
                }
            }
            _lineStart = _lineEnd = yaml.Length;
            return false;
        }

        /// <summary>The mapping whose keys start at column <paramref name="indent"/>, from the current line on.
        /// Returns with the current line the first one after it.</summary>
        public YamlMap? ReadMap(int indent, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }
            var (line, column) = (_lineNumber, indent + 1);
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            var more = true;
            while (more && Indent == indent)
            {
                var text = Line[indent..];
                var colon = KeyLength(text);
                if (colon <= 0)
                {
                    return null;
                }
                var key = new YamlScalar(text[..colon].ToString(), true, _lineNumber, indent + 1);
                foreach (var entry in entries)
                {
                    if (entry.Key.Value == key.Value)
                    {
                        return null;
                    }
                }
                var rest = text[(colon + 1)..];
                var valueStart = rest.Length - rest.TrimStart(' ').Length;
                YamlNode? value;
                if (rest.Trim(' ').Length == 0)
                {
                    // "key:" alone: a mapping nested on the lines below, or (left to YamlDotNet) an empty value.
                    more = NextContentLine();
                    value = more && Indent > indent ? ReadMap(Indent, depth + 1) : null;
                    more = _lineStart < yaml.Length;
                }
                else
                {
                    value = Value(rest[valueStart..], indent + colon + 1 + valueStart);
                    more = NextContentLine();
                    if (more && Indent > indent)
                    {
                        // A line indented under a scalar continues it: folding is YamlDotNet's to do.
                        return null;
                    }
                }
                if (value is null)
                {
                    return null;
                }
                entries.Add(new(key, value));
            }
            // A line back out of this mapping must line up with an enclosing one.
            return !more || Indent < indent ? new YamlMap(entries, line, column) : null;
        }

        /// <summary>The length of a plain key followed by ':' and a space or the end of the line; 0 when the
        /// line does not start so.</summary>
        private static int KeyLength(ReadOnlySpan<char> text)
        {
            var length = 0;
            while (length < text.Length && (char.IsAsciiLetterOrDigit(text[length]) || text[length] is '_' || (length > 0 && text[length] is '-' or '.')))
            {
                length++;
            }
            return length > 0 && length < text.Length && text[length] == ':' && (length + 1 == text.Length || text[length + 1] == ' ') ? length : 0;
        }

        /// <summary>A value written on the key's line, starting at 0-based <paramref name="offset"/> in it.</summary>
        private YamlNode? Value(ReadOnlySpan<char> value, int offset)
        {
            var text = value.TrimEnd(' ');
            return text[0] switch
            {
                '"' => Quoted(text, offset) is { Length: var length } quoted && length == text.Length ? quoted.Node : null,
                '[' => List(text, offset),
                _ => Plain(text, offset),
            };
        }

        /// <summary>A one-line plain scalar: not starting with an indicator, with no ": " or " #" in it.</summary>
        private YamlScalar? Plain(ReadOnlySpan<char> text, int offset)
        {
            if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0]) || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal)
                || text[^1] == ':')
            {
                return null;
            }
            return new YamlScalar(text.ToString(), true, _lineNumber, offset + 1);
        }

        /// <summary>A double-quoted scalar without escapes at the start of <paramref name="text"/>, and its length with the quotes.</summary>
        private (YamlScalar Node, int Length)? Quoted(ReadOnlySpan<char> text, int offset)
        {
            var close = text[1..].IndexOfAny('"', '\\');
            if (close < 0 || text[close + 1] != '"')
            {
                return null;
            }
            return (new YamlScalar(text.Slice(1, close).ToString(), false, _lineNumber, offset + 1), close + 2);
        }

        /// <summary>A one-line flow list of double-quoted or plain words: [], ["a"], ["a", "b"], [a, b c].</summary>
        private YamlList? List(ReadOnlySpan<char> text, int offset)
        {
            var items = new List<YamlNode>();
            var at = SkipSpaces(text, 1);
            if (at < text.Length && text[at] == ']')
            {
                return at == text.Length - 1 ? new YamlList(items, _lineNumber, offset + 1) : null;
            }
            while (at < text.Length && Item(text[at..], offset + at) is { } item)
            {
                items.Add(item.Node);
                at = SkipSpaces(text, at + item.Length);
                if (at < text.Length && text[at] == ']')
                {
                    return at == text.Length - 1 ? new YamlList(items, _lineNumber, offset + 1) : null;
                }
                if (at >= text.Length || text[at] != ',')
                {
                    return null;
                }
                at = SkipSpaces(text, at + 1);
            }
            return null;
        }

        /// <summary>An item of a flow list at the start of <paramref name="text"/>, and its length: a double-quoted
        /// scalar, or plain text up to the next ',' or ']' with no character that means something in a flow.</summary>
        private (YamlScalar Node, int Length)? Item(ReadOnlySpan<char> text, int offset)
        {
            if (text[0] == '"')
            {
                return Quoted(text, offset);
            }
            var end = text.IndexOfAny(',', ']');
            var item = (end < 0 ? text : text[..end]).TrimEnd(' ');
            if (item.Length == 0 || "-?:,[]{}#&*!|>'\"%@`".Contains(item[0]) || item.IndexOfAny("[]{}#:\"'") >= 0)
            {
                return null;
            }
            return (new YamlScalar(item.ToString(), true, _lineNumber, offset + 1), item.Length);
        }

        private static int SkipSpaces(ReadOnlySpan<char> text, int at)
        {
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }
            return at;
        }
    }
}
