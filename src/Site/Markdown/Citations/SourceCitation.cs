using Markdig.Syntax.Inlines;

namespace Site.Markdown.Citations;

/// <summary>A citation of a registered source inside a note: <c>[@key]</c>.</summary>
internal sealed class SourceCitation : LeafInline
{
    public required string Key { get; init; }
}
