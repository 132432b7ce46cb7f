using Site.Content;

namespace Site.Generation;

/// <summary>
/// The output tree a build swapped out, kept beside output/ as <c>.site-spare-NAME-ID</c> for the next
/// build to stage into. Staging from nothing links every carried file into a new tree, and the swap
/// leaves the old tree to delete: at 10,000 articles that is some 60,000 directory operations, most of
/// an incremental build. A build that takes the spare renames it to its staging folder and changes only
/// what differs from output/: the files it writes, those the spare holds older copies of
/// (<see cref="Renewed"/>), and those no longer in the site.
/// </summary>
/// <param name="Id">Its folder's suffix: only the spare the cache names is taken; any other is removed.</param>
/// <param name="Files">Every file in it, by path relative to it.</param>
/// <param name="Renewed">Files of output/ that are not the spare's: those the build that kept it wrote afresh.</param>
/// <param name="Folders">Its folders' stamps, as they were checked when it was output/: a folder the next build
/// adds nothing to and removes nothing from keeps its stamp, so that build need not take it again.</param>
internal sealed record SpareTree(string Id, IReadOnlyList<string> Files, IReadOnlyList<string> Renewed, IReadOnlyList<FolderStamp> Folders);

/// <summary>
/// What a published build left in output/: every file, and every folder with its stamp. A folder's change
/// time moves whenever an entry is added to it, removed or renamed, and no program can set it back, so
/// unchanged stamps say output/ still holds these files and no others; their contents are checked file
/// by file when they are carried. Only such a tree may become a <see cref="SpareTree"/>.
/// </summary>
internal sealed record OutputManifest(IReadOnlyList<string> Files, IReadOnlyList<FolderStamp> Folders)
{
    /// <summary>The manifest of <paramref name="outputDir"/> holding <paramref name="files"/>, or null where
    /// folders have no change time (not Linux).</summary>
    /// <param name="known">Stamps of folders (not the root) the build staged into without changing them: taken as
    /// they are. Should one be stale, the next build finds output/ changed and keeps no spare; nothing else.</param>
    public static OutputManifest? Take(string outputDir, IReadOnlyCollection<string> files, IReadOnlyDictionary<string, FolderStamp>? known = null)
    {
        var folders = FoldersOf(files);
        var stamps = new List<FolderStamp>(folders.Count);
        using var output = new StampedFolder(outputDir);
        foreach (var folder in folders.Order(StringComparer.Ordinal))
        {
            if (folder.Length > 0 && known is not null && known.TryGetValue(folder, out var kept))
            {
                stamps.Add(kept);
                continue;
            }
            var stamp = output.Of(folder);
            if (!stamp.HasChangeTime)
            {
                return null;
            }
            stamps.Add(new FolderStamp(folder, stamp.ChangeTime, stamp.Inode));
        }
        return new OutputManifest([.. files.Order(StringComparer.Ordinal)], stamps);
    }

    /// <summary>The folders that hold <paramref name="files"/> (paths relative to the output folder), their parents,
    /// and "" for the output folder itself.</summary>
    public static HashSet<string> FoldersOf(IEnumerable<string> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal) { "" };
        // Looked up by span: most files' folder is there already (a page's annotations.json), and 30,000 substrings
        // would be made only to be found.
        var seen = folders.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var file in files)
        {
            // A folder already seen has had its parents added too.
            var slash = file.LastIndexOf('/');
            while (slash > 0 && !seen.Contains(file.AsSpan(0, slash)) && folders.Add(file[..slash]))
            {
                slash = file.LastIndexOf('/', slash - 1);
            }
        }
        return folders;
    }

    /// <summary>Whether every folder of the output folder is as this manifest saw it.</summary>
    public bool IsUnchanged(StampedFolder output) => Folders.All(folder =>
        output.Of(folder.Path) is var now && now.ChangeTime == folder.ChangeTime && now.Inode == folder.Inode);
}

/// <param name="Path">Relative to the output folder, "" for the folder itself.</param>
internal readonly record struct FolderStamp(string Path, long ChangeTime, long Inode);
