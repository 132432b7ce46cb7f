using Site.Diagnostics;

namespace Site.Content;

/// <summary>
/// Lists the files under a folder of the site (content/, templates/, assets/) without following links to
/// folders: two links pointing up make an endless tree. A link to a file is listed only when the file is
/// inside the root; every other link is reported, so a link cannot publish a file from anywhere.
/// </summary>
internal static class FileTree
{
    /// <param name="include">Which entries to look at, folders included; the rest are skipped unseen.</param>
    public static List<string> Files(string folder, string root, DiagnosticBag diagnostics, Func<FileSystemInfo, bool>? include = null)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var files = new List<string>();
        var folders = new Stack<DirectoryInfo>([new DirectoryInfo(Path.GetFullPath(folder))]);
        while (folders.Count > 0)
        {
            foreach (var entry in folders.Pop().EnumerateFileSystemInfos())
            {
                if (include is not null && !include(entry))
                {
                    continue;
                }
                if (entry.LinkTarget is not null)
                {
                    if (LinkProblem(entry, root) is { } problem)
                    {
                        diagnostics.Report(DiagnosticCode.LinkLeavesFolder, new FilePosition(SitePath.Display(entry.FullName)), problem);
                    }
                    else
                    {
                        files.Add(entry.FullName);
                    }
                }
                else if (entry is DirectoryInfo child)
                {
                    folders.Push(child);
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
        }
        return files;
    }

    /// <summary>Why a symbolic link cannot be used, or null when it can.</summary>
    private static string? LinkProblem(FileSystemInfo link, string root)
    {
        try
        {
            if (link is DirectoryInfo || Directory.Exists(link.FullName))
            {
                return "symbolic link to a folder: links to folders are not followed";
            }
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                return $"symbolic link to '{link.LinkTarget}', which does not exist";
            }
            return Path.GetFullPath(target.FullName).StartsWith(root, StringComparison.Ordinal)
                ? null
                : $"symbolic link to '{target.FullName}' points outside {Path.GetFileName(Path.TrimEndingDirectorySeparator(root))}/; copy the file in instead";
        }
        catch (IOException e)
        {
            return $"symbolic link that cannot be followed ({e.Message})";
        }
    }
}
