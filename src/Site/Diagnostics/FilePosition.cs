namespace Site.Diagnostics;

/// <summary>A place in a file as diagnostics and annotations.json give it: 1-based line and column,
/// counted from the top of the file; 0 where unknown (a problem with the whole file, or its line).</summary>
internal readonly record struct FilePosition(string File, int Line = 0, int Column = 0)
{
    /// <summary>Markdig and Scriban count lines and columns from 0, editors from 1: the one place the 1 is added.</summary>
    public static FilePosition FromZeroBased(string file, int line, int column) => new(file, line + 1, column + 1);
}
