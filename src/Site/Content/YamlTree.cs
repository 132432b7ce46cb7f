using Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Site.Content;

internal abstract record YamlNode(int Line, int Column);

internal sealed record YamlScalar(string Value, bool IsPlain, int Line, int Column) : YamlNode(Line, Column);

internal sealed record YamlList(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

internal sealed record YamlMap(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, int Line, int Column)
    : YamlNode(Line, Column);

/// <summary>
/// Reads YAML into a small tree of scalars, lists and maps with file positions. Built on YamlDotNet's
/// event parser rather than its object mapper: every node keeps its position, aliases are refused
/// outright (no "billion laughs"), and nothing needs reflection, so it stays NativeAOT-safe.
/// </summary>
internal static class YamlTree
{
    public const int MaxDepth = 16;

    /// <summary>Parses <paramref name="yaml"/>, which starts at 1-based <paramref name="firstLine"/> of
    /// <paramref name="file"/>. Returns null (after reporting) when the text is not valid YAML. Text parsed
    /// before, by this process or a build before it, is not parsed again (see <see cref="YamlTreeCache"/>).</summary>
    public static YamlNode? Parse(string yaml, string file, int firstLine, DiagnosticBag diagnostics)
    {
        if (YamlTreeCache.TryGet(yaml, firstLine, out var known))
        {
            return known;
        }
        var root = ParseText(yaml, file, firstLine, diagnostics);
        if (root is not null)
        {
            YamlTreeCache.Add(yaml, firstLine, root);
        }
        return root;
    }

    private static YamlNode? ParseText(string yaml, string file, int firstLine, DiagnosticBag diagnostics) =>
        SimpleYaml.TryRead(yaml, firstLine) ?? ReadWithYamlDotNet(yaml, file, firstLine, diagnostics);

    /// <summary>Any YAML, through YamlDotNet's event parser.</summary>
    internal static YamlNode? ReadWithYamlDotNet(string yaml, string file, int firstLine, DiagnosticBag diagnostics)
    {
        var reader = new Reader(new Parser(new StringReader(yaml)), file, firstLine - 1);
        try
        {
            reader.Parser.Consume<StreamStart>();
            if (reader.Parser.TryConsume<StreamEnd>(out _))
            {
                return new YamlMap([], firstLine, 1);
            }
            reader.Parser.Consume<DocumentStart>();
            var root = reader.ReadNode(0);
            reader.Parser.Consume<DocumentEnd>();
            if (!reader.Parser.Accept<StreamEnd>(out _))
            {
                throw new Problem(reader.Parser.Current!.Start, "only one YAML document is allowed here");
            }
            return root;
        }
        catch (Problem problem)
        {
            diagnostics.Report(DiagnosticCode.YamlSyntax, reader.At(problem.Mark), problem.Message);
        }
        catch (YamlException e) when (Describe(e).Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndent(yaml, e.Start) is { } tab)
        {
            diagnostics.Report(DiagnosticCode.YamlSyntax, reader.At(tab), "invalid YAML: a tab indents this line; YAML indents with spaces only");
        }
        catch (YamlException e)
        {
            diagnostics.Report(DiagnosticCode.YamlSyntax, reader.At(e.Start), $"invalid YAML: {Describe(e)}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet throws this, not a YamlException, on some malformed input (an unclosed [ before another key).
            var mark = reader.Parser.Current?.Start ?? Mark.Empty;
            diagnostics.Report(DiagnosticCode.YamlSyntax, reader.At(mark), $"invalid YAML: {e.Message.TrimEnd('.')}");
        }
        return null;
    }

    /// <summary>The first tab in a line's indentation from <paramref name="from"/> on: YamlDotNet reports a
    /// tab where the scalar before it began, often the line above.</summary>
    private static Mark? TabIndent(string yaml, Mark from)
    {
        var lines = yaml.Split('\n');
        for (var i = Math.Max(0, (int)from.Line - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(" \t".ToCharArray()).Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }
        return null;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; we print our own position.
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.');
    }

    private sealed class Problem(Mark mark, string message) : Exception(message)
    {
        public Mark Mark { get; } = mark;
    }

    /// <param name="lineOffset">Lines of the file before the YAML: YamlDotNet counts from the YAML's first line.</param>
    private sealed class Reader(IParser parser, string file, int lineOffset)
    {
        public IParser Parser { get; } = parser;

        public int LineOf(Mark mark) => (int)mark.Line + lineOffset;

        /// <summary>YamlDotNet's marks are 1-based already.</summary>
        public FilePosition At(Mark mark) => new(file, LineOf(mark), (int)mark.Column);

        public YamlNode ReadNode(int depth)
        {
            var current = Parser.Current ?? throw new Problem(Mark.Empty, "unexpected end of YAML");
            var line = LineOf(current.Start);
            var column = (int)current.Start.Column;
            if (depth > MaxDepth)
            {
                throw new Problem(current.Start, $"YAML is nested more than {MaxDepth} levels deep");
            }
            switch (current)
            {
                case AnchorAlias alias:
                    throw new Problem(alias.Start, $"YAML aliases (*{alias.Value}) are not allowed");
                case Scalar scalar:
                    Parser.MoveNext();
                    return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column);
                case SequenceStart:
                {
                    Parser.MoveNext();
                    var items = new List<YamlNode>();
                    while (!Parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(depth + 1));
                    }
                    return new YamlList(items, line, column);
                }
                case MappingStart:
                {
                    Parser.MoveNext();
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    while (!Parser.TryConsume<MappingEnd>(out _))
                    {
                        if (ReadNode(depth + 1) is not YamlScalar key)
                        {
                            throw new Problem(current.Start, "mapping keys must be plain text");
                        }
                        if (entries.Exists(e => e.Key.Value == key.Value))
                        {
                            throw new Problem(new Mark(0, key.Line - lineOffset, key.Column), $"duplicate key '{key.Value}'");
                        }
                        entries.Add(new(key, ReadNode(depth + 1)));
                    }
                    return new YamlMap(entries, line, column);
                }
                default:
                    throw new Problem(current.Start, $"unexpected YAML {current.GetType().Name}");
            }
        }
    }
}
