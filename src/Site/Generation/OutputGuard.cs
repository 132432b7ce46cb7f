namespace Site.Generation;

/// <summary>
/// Decides whether a folder may be used as output. A build replaces the whole folder, so Site only
/// takes one that it made itself (it holds <see cref="Marker"/>), or an empty or missing one, and never
/// one that holds or sits in the sources, a repository root, the home folder or the file-system root.
/// </summary>
internal static class OutputGuard
{
    public const string Marker = ".site-build";

    public const string MarkerText = "This folder is written by 'site build'. Its contents are replaced on every build.\n";

    /// <summary>Null when <paramref name="outputDir"/> is safe to replace; otherwise why not.</summary>
    public static string? Check(string outputDir, string contentDir, string templatesDir)
    {
        var output = Full(outputDir);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && output == Full(home))
        {
            return $"refusing to use '{outputDir}' as output: it is the home folder";
        }
        if (output == Full(Path.GetPathRoot(output)!))
        {
            return $"refusing to use '{outputDir}' as output: it is the file-system root";
        }
        foreach (var (name, dir) in new[] { ("content", contentDir), ("templates", templatesDir) })
        {
            var source = Full(dir);
            var relation = output == source ? "is" : IsInside(output, source) ? "is inside" : IsInside(source, output) ? "contains" : null;
            if (relation is not null)
            {
                return $"refusing to use '{outputDir}' as output: it {relation} the {name} folder '{dir}', and every build replaces the output";
            }
        }
        if (Directory.Exists(Path.Combine(output, ".git")) || File.Exists(Path.Combine(output, ".git")))
        {
            return $"refusing to use '{outputDir}' as output: it is the root of a repository";
        }
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !File.Exists(Path.Combine(output, Marker)))
        {
            return $"refusing to replace '{outputDir}': it was not written by site build (it has no {Marker} file); empty it, delete it or choose another --output";
        }
        return null;
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
