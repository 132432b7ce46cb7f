using Site.Content;
using Site.Diagnostics;

namespace Site.Generation;

/// <summary>
/// Everything an article page depends on besides its own file, as one fingerprint: Site itself, the
/// options, every file under templates/ (templates, strings, assets) and every file under content/ that
/// is not an article or a bundle's own (site.yml, sources.yml, and whatever a feature adds there). Files are taken whole,
/// not as parsed settings, so a new setting or data file is covered without anyone listing it here.
/// When the fingerprint changes, every cached page goes. An article page must depend on nothing else:
/// a feature that shows another article's data on it has to re-render it some other way, as translations
/// do (see <see cref="ArticlePages"/>: their data keys the page's cache entry).
/// </summary>
internal static class RenderInputs
{
    /// <summary>Larger files (images) stand in by length and write time: hashing them on every build would
    /// cost more than it saves, and a changed image almost always changes one or the other. A stale
    /// stamp (a fresh checkout) only costs a full render.</summary>
    private const long HashedBytes = 1024 * 1024;

    public static string Fingerprint(BuildOptions options)
    {
        var fingerprint = new Fingerprint()
            .Add(SiteVersion())
            .Add(Environment.CurrentDirectory) // diagnostics name files relative to it
            .Add(Path.GetFullPath(options.ContentDir))
            .Add(Path.GetFullPath(options.TemplatesDir))
            .Add(options.Drafts ? 1 : 0)
            .Add(options.Future ? 1 : 0)
            .Add(options.Strict ? 1 : 0)
            .Add(options.BaseUrl?.AbsoluteUri)
            .Add(options.PageInjection);
        AddFiles(fingerprint, options.TemplatesDir, entry => !entry.Name.StartsWith('.'));
        AddFiles(fingerprint, options.ContentDir, entry => !entry.Name.StartsWith('.') && IsSiteWide(entry));
        return fingerprint.Finish();
    }

    /// <summary>Whether a file or folder of content/ may hold what every page reads: not an article, and not a
    /// bundle (content/{name}/ with an index.md), whose photos and documents only its own page shows. An article
    /// with files of its own is never cached, so its files need not stale every other page, and a site full of
    /// photos is not hashed on every build. Articles are fingerprinted one by one elsewhere, so they are skipped
    /// here by name, unseen.</summary>
    private static bool IsSiteWide(FileSystemInfo entry) => entry is DirectoryInfo folder
        ? !ContentLoader.IsBundleFolder(folder)
        : !Path.GetExtension(entry.Name).Equals(".md", StringComparison.OrdinalIgnoreCase);

    private static void AddFiles(Fingerprint fingerprint, string folder, Func<FileSystemInfo, bool> include)
    {
        if (!Directory.Exists(folder))
        {
            fingerprint.Add(-1);
            return;
        }
        // Problems with links are reported by the loaders; here a file is only taken into account.
        var files = FileTree.Files(folder, folder, new DiagnosticBag(), include).Order(StringComparer.Ordinal).ToList();
        fingerprint.Add(files.Count);
        foreach (var path in files)
        {
            fingerprint.Add(Path.GetRelativePath(folder, path));
            try
            {
                var info = new FileInfo(path);
                // Length 0 is not read either: a FIFO has no length, and reading one blocks.
                if (info.Length is 0 or > HashedBytes)
                {
                    fingerprint.Add(info.Length).Add(info.LastWriteTimeUtc.Ticks);
                }
                else
                {
                    fingerprint.Add(ContentHash.Hex(File.ReadAllBytes(path)));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable now: the build reports it if it matters; the fingerprint just differs.
                fingerprint.Add(e.GetType().Name);
            }
        }
    }

    /// <summary>The build of Site: its version, and the length and write time of its binary (site.dll, or
    /// the native executable), which change with every compilation, so a development build never trusts
    /// pages an older one rendered.</summary>
    public static string SiteVersion() => BuildOfSite.Value;

    /// <summary>Read once: a build asks up to three times, and reading the version attribute by reflection was
    /// over 1% of the sample site's instructions each time.</summary>
    private static readonly Lazy<string> BuildOfSite = new(ReadSiteVersion);

    private static string ReadSiteVersion()
    {
        var assembly = typeof(RenderInputs).Assembly;
        var version = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        // No site.dll beside a NativeAOT build: then the process is Site itself.
        var library = new FileInfo(Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".dll"));
        var info = library.Exists ? library : Environment.ProcessPath is { } process ? new FileInfo(process) : null;
        return info is { Exists: true } ? $"{version} {info.Length} {info.LastWriteTimeUtc.Ticks}" : $"{version} unknown build {Environment.ProcessId}";
    }
}
