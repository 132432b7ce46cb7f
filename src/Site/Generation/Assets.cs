using Site.Content;
using Site.Diagnostics;
using Site.Templating;

namespace Site.Generation;

/// <summary>The theme's assets/ folder, copied as it is to the output's assets/: the site's own files, then
/// the default theme's that the site does not override.</summary>
internal static class Assets
{
    public static void Copy(string templatesDir, bool withDefaultTheme, PageWriter pages, DiagnosticBag diagnostics)
    {
        var written = CopyOwn(templatesDir, pages, diagnostics);
        var defaults = withDefaultTheme ? DefaultTheme.Files : [];
        foreach (var file in defaults.Where(f => f.Name.StartsWith(TemplateSet.AssetsFolder + "/", StringComparison.Ordinal) && !written.Contains(f.Name)))
        {
            pages.WriteFile(file.Name, file.Bytes);
        }
    }

    /// <summary>Copies templates/assets/; returns the paths written, relative to the output.</summary>
    private static HashSet<string> CopyOwn(string templatesDir, PageWriter pages, DiagnosticBag diagnostics)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        var assetsDir = Path.Combine(templatesDir, TemplateSet.AssetsFolder);
        if (!Directory.Exists(assetsDir))
        {
            return written;
        }
        var templatesRoot = Path.GetFullPath(templatesDir);
        foreach (var file in FileTree.Files(assetsDir, templatesRoot, diagnostics).Order(StringComparer.Ordinal))
        {
            var relative = Path.Combine(TemplateSet.AssetsFolder, Path.GetRelativePath(assetsDir, file)).Replace('\\', '/');
            written.Add(relative);
            try
            {
                // An empty file is written, not copied: a FIFO or a device also has no length, and opening one blocks.
                if (new FileInfo(file).Length == 0)
                {
                    pages.WriteFile(relative, []);
                }
                else
                {
                    pages.CopyFile(file, relative);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Report(DiagnosticCode.AssetCopy, new FilePosition(SitePath.Display(file)), $"cannot copy asset: {e.Message}");
            }
        }
        return written;
    }
}
