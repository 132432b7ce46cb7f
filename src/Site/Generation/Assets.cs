using Site.Content;
using Site.Diagnostics;
using Site.Templating;

namespace Site.Generation;

/// <summary>The theme's assets/ folder, copied as it is to the output's assets/.</summary>
internal static class Assets
{
    public static void Copy(string templatesDir, PageWriter pages, DiagnosticBag diagnostics)
    {
        var assetsDir = Path.Combine(templatesDir, TemplateSet.AssetsFolder);
        if (!Directory.Exists(assetsDir))
        {
            return;
        }
        var templatesRoot = Path.GetFullPath(templatesDir);
        foreach (var file in FileTree.Files(assetsDir, templatesRoot, diagnostics).Order(StringComparer.Ordinal))
        {
            var relative = Path.Combine(TemplateSet.AssetsFolder, Path.GetRelativePath(assetsDir, file)).Replace('\\', '/');
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
                pages.Failed(relative);
            }
        }
    }
}
