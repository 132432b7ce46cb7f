namespace Site.Markdown.Notes;

/// <summary>
/// The optional block right after a definition's colon: <c>{fact-check claim="…" verdict="Disputed"}</c>.
/// The first word is the note's type; then key="value" pairs (single or double quotes). Read at block
/// level; problems are kept for the resolver, which has the file and reports them with positions.
/// </summary>
internal sealed record NoteAttributes(string Type, IReadOnlyDictionary<string, string> Values, string? Problem)
{
    public static readonly string[] Keys = ["claim", "verdict", "claimant", ClaimDate, Appearance];

    /// <summary>When the claimant made the claim: 2024, 2024-01 or 2024-01-03, as a source's date.</summary>
    public const string ClaimDate = "claim_date";

    /// <summary>Where the claim appeared: the key of a source, so the venue is one the desk has credited.</summary>
    public const string Appearance = "appearance";

    /// <summary>What a correction note takes: the 1-based number of its entry in the front matter's corrections.</summary>
    public const string Entry = "entry";

    private static readonly string[] AnnotationSyntax = ["[^", "{^", "[@"];

    /// <summary>Values are shown as plain text, so annotation syntax in one would be printed literally.</summary>
    private static string? SyntaxIn(string value) =>
        AnnotationSyntax.FirstOrDefault(syntax => value.Contains(syntax, StringComparison.Ordinal));

    /// <summary>Parses the text between the braces.</summary>
    public static NoteAttributes Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        string Word()
        {
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '=')
            {
                i++;
            }
            return text[start..i];
        }
        void Spaces()
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        Spaces();
        var type = Word();
        Spaces();
        while (i < text.Length)
        {
            var keyStart = i;
            var key = Word();
            Spaces();
            if (key.Length == 0 || i >= text.Length || text[i] != '=')
            {
                return new(type, values, $"expected key=\"value\" after '{type}', found '{text[keyStart..]}'");
            }
            i++;
            Spaces();
            if (i >= text.Length || text[i] is not ('"' or '\''))
            {
                return new(type, values, $"the value of '{key}' must be in quotes, like {key}=\"…\"");
            }
            var quote = text[i++];
            var end = text.IndexOf(quote, i);
            if (end < 0)
            {
                return new(type, values, $"the value of '{key}' has no closing {quote}");
            }
            if (values.ContainsKey(key))
            {
                return new(type, values, $"'{key}' is given twice");
            }
            if (SyntaxIn(text[i..end]) is { } found)
            {
                return new(type, values, $"the value of '{key}' holds '{found}': values are plain text; put notes and citations in the note's text");
            }
            values[key] = text[i..end].Trim();
            i = end + 1;
            Spaces();
        }
        return new(type, values, null);
    }
}
