using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Notes;

/// <summary>Definitions are written once, in the notes section (see <see cref="NotesSectionWriter"/>), not where they stand.</summary>
internal sealed class HtmlNoteDefinitionRenderer : HtmlObjectRenderer<NoteDefinition>
{
    protected override void Write(HtmlRenderer renderer, NoteDefinition definition)
    {
    }
}
