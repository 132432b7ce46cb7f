namespace Site.Templating;

/// <summary>
/// The default theme, the repository's templates/ embedded in the binary (see Site.csproj), so a site needs
/// no templates/ of its own; a site's templates/ overrides it file by file.
/// </summary>
internal static class DefaultTheme
{
    /// <summary>How diagnostics name a file of the default theme: it has no path on disk.</summary>
    public const string DisplayFolder = "(default theme)";

    private const string Prefix = "theme/";

    private static readonly Lazy<IReadOnlyList<ThemeFile>> Embedded = new(Read);

    /// <summary>Every file, by path in ordinal order, so everything made from them is deterministic.</summary>
    public static IReadOnlyList<ThemeFile> Files => Embedded.Value;

    public static string Display(string name) => $"{DisplayFolder}/{name}";

    /// <summary>The files' names only: a site's templates/ usually overrides most of them, and the bytes of
    /// one not used need not be read (see <see cref="ThemeFile.Bytes"/>).</summary>
    private static IReadOnlyList<ThemeFile> Read()
    {
        var files = new List<ThemeFile>();
        foreach (var resource in typeof(DefaultTheme).Assembly.GetManifestResourceNames())
        {
            // MSBuild's RecursiveDir uses the build machine's separator.
            var name = resource.Replace('\\', '/');
            if (name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                files.Add(new ThemeFile(name[Prefix.Length..], resource));
            }
        }
        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The bytes of the embedded resource <paramref name="resource"/>.</summary>
    internal static byte[] ReadResource(string resource)
    {
        using var stream = typeof(DefaultTheme).Assembly.GetManifestResourceStream(resource)!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}

/// <summary>One file of the default theme: its path inside templates/, with forward slashes, and the embedded
/// resource that holds it.</summary>
internal sealed record ThemeFile(string Name, string Resource)
{
    /// <summary>The file's bytes, read from the binary each time they are asked for.</summary>
    public byte[] Bytes => DefaultTheme.ReadResource(Resource);

    /// <summary>The text of a template or strings table: UTF-8, like every file Site reads.</summary>
    public string Text => new System.Text.UTF8Encoding(false, true).GetString(Bytes).TrimStart('\uFEFF');
}
