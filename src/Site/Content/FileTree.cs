using System.IO.Enumeration;
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
        var folders = new Stack<string>([Path.GetFullPath(folder)]);
        while (folders.Count > 0)
        {
            var current = folders.Pop();
            var entries = Entries(current, Everything).ToList();
            var links = Links(current, entries);
            foreach (var (path, isFolder) in entries)
            {
                FileSystemInfo entry = isFolder ? new DirectoryInfo(path) : new FileInfo(path);
                if (include is not null && !include(entry))
                {
                    continue;
                }
                if (links?.Contains(path) == true)
                {
                    if (LinkProblem(entry, root) is { } problem)
                    {
                        diagnostics.Report(DiagnosticCode.LinkLeavesFolder, new FilePosition(SitePath.Display(path)), problem);
                    }
                    else
                    {
                        files.Add(path);
                    }
                }
                else if (isFolder)
                {
                    folders.Push(path);
                }
                else
                {
                    files.Add(path);
                }
            }
        }
        return files;
    }

    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0 };

    /// <summary>Every entry but symbolic links, which the listing marks as such.</summary>
    private static readonly EnumerationOptions NoLinks = new() { AttributesToSkip = FileAttributes.ReparsePoint };

    /// <summary>A folder's entries, full path and kind, as its listing gives them: the kind comes with the name,
    /// so there is no system call per entry (content/ of a large site has tens of thousands), but for a link,
    /// whose target is looked at to tell a link to a folder.</summary>
    private static FileSystemEnumerable<(string Path, bool IsFolder)> Entries(string folder, EnumerationOptions options) =>
        new(folder, (ref entry) => (entry.ToFullPath(), entry.IsDirectory), options);

    /// <summary>The symbolic links among a folder's <paramref name="entries"/>, by full path, or null when it has
    /// none: those a listing without links leaves out. Counted first, as most folders have none.</summary>
    private static HashSet<string>? Links(string folder, List<(string Path, bool IsFolder)> entries)
    {
        if (new FileSystemEnumerable<byte>(folder, (ref _) => 0, NoLinks).Count() == entries.Count)
        {
            return null;
        }
        var links = entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        links.ExceptWith(Entries(folder, NoLinks).Select(e => e.Path));
        return links;
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
