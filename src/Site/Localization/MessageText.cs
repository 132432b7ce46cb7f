using System.Text;

namespace Site.Localization;

/// <summary>
/// The text of a message with named placeholders: "Back to reference {number} {letter}". A placeholder is a
/// lowercase name in braces; "{{" and "}}" write a brace. Parsed once when the table is read, so a broken
/// placeholder is reported at the table, not when a page happens to use it.
/// </summary>
internal sealed class MessageText
{
    private readonly IReadOnlyList<Part> _parts;

    private MessageText(string source, IReadOnlyList<Part> parts)
    {
        Source = source;
        _parts = parts;
        Placeholders = [.. parts.Where(p => p.IsPlaceholder).Select(p => p.Text).Distinct()];
    }

    /// <summary>The text as written in the table.</summary>
    public string Source { get; }

    /// <summary>The placeholders' names, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    public static MessageText? Parse(string source, out string? error)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if ((c == '{' || c == '}') && i + 1 < source.Length && source[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '}')
            {
                error = $"'}}' at column {i + 1} closes nothing; write '}}}}' for a brace";
                return null;
            }
            else if (c == '{')
            {
                var end = source.IndexOf('}', i);
                var name = end < 0 ? null : source[(i + 1)..end];
                if (name is null || !IsName(name))
                {
                    error = end < 0
                        ? $"'{{' at column {i + 1} is not closed; write '{{{{' for a brace"
                        : $"'{{{name}}}' at column {i + 1} is not a placeholder: names are lowercase letters, digits and '_', like {{number}}";
                    return null;
                }
                Flush(literal, parts);
                parts.Add(new Part(name, IsPlaceholder: true));
                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }
        Flush(literal, parts);
        error = null;
        return new MessageText(source, parts);
    }

    /// <summary>Writes the text, each placeholder replaced by <paramref name="value"/>(name) as it is and
    /// each literal part through <paramref name="literal"/> (HTML-escaping, or nothing).</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="value"/> has no value for a placeholder.</exception>
    public string Render(Func<string, string?> value, Func<string, string> literal)
    {
        if (_parts is [{ IsPlaceholder: false } only])
        {
            return literal(only.Text);
        }
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part.IsPlaceholder
                ? value(part.Text) ?? throw new KeyNotFoundException(part.Text)
                : literal(part.Text));
        }
        return text.ToString();
    }

    public override string ToString() => Source;

    public static bool IsName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static void Flush(StringBuilder literal, List<Part> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), IsPlaceholder: false));
            literal.Clear();
        }
    }

    private readonly record struct Part(string Text, bool IsPlaceholder);
}
