using Markdig.Syntax.Inlines;
using Site.Content;

namespace Site.Markdown.Annotations;

/// <summary>A citation of a registered source inside a note: <c>[@key]</c>.</summary>
internal sealed class SourceCitation : LeafInline
{
    public required string Key { get; init; }

    /// <summary>Set by the resolver when the key is registered.</summary>
    public Source? Source { get; set; }
}
