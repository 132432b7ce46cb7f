using System.Reflection;

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

    private static IReadOnlyList<ThemeFile> Read()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new List<ThemeFile>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // MSBuild's RecursiveDir uses the build machine's separator.
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            files.Add(new ThemeFile(name[Prefix.Length..], bytes.ToArray()));
        }
        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}

/// <summary>One file of the default theme: its path inside templates/, with forward slashes, and its bytes.</summary>
internal sealed record ThemeFile(string Name, byte[] Bytes)
{
    /// <summary>The text of a template or strings table: UTF-8, like every file Site reads.</summary>
    public string Text => new System.Text.UTF8Encoding(false, true).GetString(Bytes).TrimStart('\uFEFF');
}
