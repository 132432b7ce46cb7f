using Site.Content;
using Site.Diagnostics;

namespace Site.Localization;

/// <summary>Reads a theme's or a site's <c>i18n/</c> folder: one <c>{language}.yml</c> per language.</summary>
internal static class StringsFolder
{
    public const string Name = "i18n";

    /// <summary>The tables in <paramref name="templatesDir"/>/i18n/, in ordinal order of file name; none when
    /// the folder does not exist. Files that cannot be tables are problems.</summary>
    public static List<StringsSource> Read(string templatesDir, List<StringsProblem> problems)
    {
        var folder = Path.Combine(templatesDir, Name);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var diagnostics = new DiagnosticBag();
        var files = FileTree.Files(folder, templatesDir, diagnostics, entry =>
        {
            if (entry.Name.StartsWith('.'))
            {
                return false;
            }
            if (entry is DirectoryInfo || !entry.Name.EndsWith(".yml", StringComparison.Ordinal))
            {
                diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(SitePath.Display(entry.FullName), 0, 0), $"only strings tables, named like en.yml or kk-KZ.yml, belong in {Name}/");
                return false;
            }
            return true;
        });
        var sources = new List<StringsSource>();
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var display = SitePath.Display(path);
            try
            {
                sources.Add(new StringsSource(display, TextFile.Read(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(display, 0, 0), $"cannot read the strings table: {e.Message}");
            }
        }
        problems.AddRange(diagnostics.ToSortedList().Select(d => new StringsProblem(d.File, d.Line, d.Column, d.Severity, d.Message)));
        return sources;
    }
}
