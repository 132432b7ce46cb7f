namespace Site.Markdown.Notes;

/// <summary>What a note does for the reader, declared as <c>[^label]: {fact-check …}</c>.</summary>
internal enum NoteKind
{
    /// <summary>An untyped note, shown plain.</summary>
    Plain,
    Context,
    Definition,
    FactCheck,
    Correction,
}

internal static class NoteKinds
{
    public static readonly IReadOnlyDictionary<string, NoteKind> ByName = new Dictionary<string, NoteKind>(StringComparer.Ordinal)
    {
        ["context"] = NoteKind.Context,
        ["definition"] = NoteKind.Definition,
        ["fact-check"] = NoteKind.FactCheck,
        ["correction"] = NoteKind.Correction,
    };

    /// <summary>The name used in the markup and in annotations.json: "fact-check".</summary>
    public static string Name(this NoteKind kind) => kind switch
    {
        NoteKind.Context => "context",
        NoteKind.Definition => "definition",
        NoteKind.FactCheck => "fact-check",
        NoteKind.Correction => "correction",
        _ => "",
    };
}
