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
        if (NotAFolder(outputDir) is { } notAFolder)
        {
            return notAFolder;
        }
        var output = Real(outputDir);
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
            var source = Real(dir);
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

    /// <summary>Checked before any work: a build would otherwise run in full and fail only when it swaps
    /// its staging folder in.</summary>
    private static string? NotAFolder(string outputDir)
    {
        for (var path = Full(outputDir); Path.GetDirectoryName(path) is { } parent; path = parent)
        {
            if (File.Exists(path) && !Directory.Exists(path))
            {
                return path == Full(outputDir)
                    ? $"--output '{outputDir}' is a file, not a folder; choose a folder for the site"
                    : $"--output '{outputDir}' cannot be a folder: '{Diagnostics.SitePath.Display(path)}' is a file";
            }
        }
        return null;
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>The full path with every symbolic link in it resolved, as far as it exists: a link must not
    /// let the output folder reach into content/ or templates/.</summary>
    private static string Real(string path, int depth = 0)
    {
        var full = Full(path);
        var root = Path.GetPathRoot(full)!;
        var real = root;
        foreach (var name in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            real = Path.Combine(real, name);
            // A loop of links is left as it is, past 40 hops (as the kernel's limit), and fails where the build writes.
            if (depth < 40 && new FileInfo(real).LinkTarget is { } target)
            {
                real = Real(Path.Combine(Path.GetDirectoryName(real)!, target), depth + 1);
            }
        }
        return Path.TrimEndingDirectorySeparator(real);
    }

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
