using Markdig.Syntax;
using Site.Diagnostics;

namespace Site.Markdown;

internal static class MarkdownPosition
{
    /// <summary>Where a parsed node starts in its file (Markdig's line numbers are the file's: the front
    /// matter is blanked, not cut).</summary>
    public static FilePosition At(this MarkdownObject node, string file) => FilePosition.FromZeroBased(file, node.Line, node.Column);
}
