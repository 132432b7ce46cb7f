namespace Site.Diagnostics;

/// <summary>How a file is named in diagnostics: relative to the working directory, with forward slashes,
/// so the text is the same on every machine and clickable in editors.</summary>
internal static class SitePath
{
    public static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }
}
