namespace Site.Markdown.Annotations;

/// <summary>A referenced note with its number (by first reference) and its stable, label-derived ids.</summary>
internal sealed class Note(string slug, NoteDefinition definition, int number)
{
    public string Label => Definition.Label;

    public NoteDefinition Definition { get; } = definition;

    public int Number { get; } = number;

    public string Id { get; } = $"{slug}--note-{definition.Label}";

    public List<NoteReference> References { get; } = [];

    public string ReferenceId(int index) => $"{slug}--ref-{Label}-{index}";

    public string PhraseId(int index) => $"{slug}--phrase-{Label}-{index}";
}
