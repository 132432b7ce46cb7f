using Site.Content;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>A referenced note while it is being resolved; it becomes a <see cref="Note"/> at the end.</summary>
internal sealed class NoteDraft(NoteDefinition definition, int number)
{
    public NoteDefinition Definition { get; } = definition;

    public int Number { get; } = number;

    public List<NoteReference> References { get; } = [];

    public NoteType Type { get; set; } = NoteType.Plain;

    public List<Source> Sources { get; } = [];
}
