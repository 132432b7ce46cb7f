using Site.Content;

namespace Site.Markdown.Annotations;

/// <summary>A referenced note with its number (by first reference) and its stable, label-derived ids.</summary>
internal sealed class Note(string slug, NoteDefinition definition, int number)
{
    public string Label => Definition.Label;

    public NoteDefinition Definition { get; } = definition;

    public int Number { get; } = number;

    public string Id { get; } = $"{slug}--note-{definition.Label}";

    public List<NoteReference> References { get; } = [];

    /// <summary>Registered sources cited in the note, in order of first citation.</summary>
    public List<Source> Sources { get; } = [];

    public NoteKind Kind => Definition.Kind;

    /// <summary>The note as plain text, for annotations.json; set when the note is rendered.</summary>
    public string Text { get; set; } = "";

    public string ReferenceId(int index) => $"{slug}--ref-{Label}-{index}";

    public string PhraseId(int index) => $"{slug}--phrase-{Label}-{index}";
}
