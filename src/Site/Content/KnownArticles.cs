using System.Collections.Concurrent;

namespace Site.Content;

/// <summary>
/// Articles as an earlier build loaded them (front matter only), by full path, so
/// <see cref="ContentLoader.Load"/> need not read and parse a file that did not change. A file is taken as
/// it was, unread, when its <see cref="FileStamp"/> is the same; otherwise it is read, and its front matter
/// parsed only when its digest differs.
/// </summary>
internal sealed class KnownArticles
{
    public ConcurrentDictionary<string, Article> ByPath { get; } = new(StringComparer.Ordinal);

    /// <summary>Stamps with a write or change time from this instant on (ns since 1970) are not trusted:
    /// git's "racy" rule. A file changed within the file system's clock tick of being stamped can keep
    /// its stamp, so a stamp taken less than <see cref="RacyMargin"/> before the build that recorded it
    /// began is checked by reading the file.</summary>
    public long RacyFrom { get; init; } = long.MaxValue;

    /// <summary>Trust only stamps with a change time (publish builds; the preview watches the files itself).</summary>
    public bool NeedsChangeTime { get; init; }

    /// <summary>Coarser than any file system's timestamps (FAT's are 2 s).</summary>
    public const long RacyMargin = 2_000_000_000;

    public bool Trusts(Article known, FileStamp now) =>
        known.Stamp == now && now != default && (!NeedsChangeTime || now.HasChangeTime)
        && now.WriteTime < RacyFrom && now.ChangeTime < RacyFrom;
}
