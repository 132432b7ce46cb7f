using Site.Diagnostics;
using Site.Templating;

namespace Site.Commands;

/// <summary><c>site theme eject</c>: the default theme written out into templates/, to change all of it.
/// It never overwrites: one file of the theme already there and nothing is written.</summary>
internal static class ThemeEject
{
    public static int Run(string templatesDir, TextWriter stdout, TextWriter stderr)
    {
        var files = DefaultTheme.Files;
        var existing = files.Select(f => Path.Combine(templatesDir, f.Name)).Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        if (existing.Count > 0)
        {
            var others = existing.Count > 1 ? $" and {existing.Count - 1} more file(s) of the theme" : "";
            stderr.WriteLine($"site: error: '{SitePath.Display(Path.GetFullPath(existing[0]))}'{others} already exist; eject never overwrites: move them aside first");
            return Cli.BadUsage;
        }
        try
        {
            foreach (var file in files)
            {
                var path = Path.Combine(templatesDir, file.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(file.Bytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"site: error: cannot write the theme into '{templatesDir}': {e.Message}");
            return Cli.BadUsage;
        }
        stdout.WriteLine($"Wrote the default theme, {files.Count} files, to '{SitePath.Display(Path.GetFullPath(templatesDir))}'; every file there now overrides the built-in one.");
        return Cli.Success;
    }
}
