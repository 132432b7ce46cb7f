using System.Reflection;

namespace Site.Commands;

/// <summary><c>site init [DIR]</c>: a minimal site that builds at once with the default theme,
/// content/site.yml with comments and one example article (Starter/ in the source), and nothing else.</summary>
internal static class SiteInit
{
    private static readonly string[] Files = ["site.yml", "welcome.md"];

    public static int Run(string folder, TextWriter stdout, TextWriter stderr)
    {
        if (File.Exists(folder))
        {
            stderr.WriteLine($"site: error: '{folder}' is a file; give init a folder to start the site in");
            return Cli.BadUsage;
        }
        // Hidden entries, such as .git of a fresh repository, are no site to overwrite.
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(e => !Path.GetFileName(e).StartsWith('.')))
        {
            stderr.WriteLine($"site: error: '{folder}' is not empty; init starts a site only in an empty folder (or one with only hidden files, like .git)");
            return Cli.BadUsage;
        }
        var content = Path.Combine(folder, "content");
        try
        {
            Directory.CreateDirectory(content);
            foreach (var name in Files)
            {
                File.WriteAllBytes(Path.Combine(content, name), Starter(name));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"site: error: cannot write the site into '{folder}': {e.Message}");
            return Cli.BadUsage;
        }
        var cd = Path.GetFullPath(folder) == Environment.CurrentDirectory ? "" : $"cd {folder} && ";
        stdout.WriteLine($"Started a site in '{folder}': content/site.yml and content/welcome.md, built with the default theme.");
        stdout.WriteLine($"Next: {cd}site new \"My first article\" && site build   (or 'site serve' to preview as you write)");
        return Cli.Success;
    }

    private static byte[] Starter(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("starter/" + name)!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
