namespace Site.Commands;

/// <summary>Finds the site a command is run in, as git finds .git: the working directory when it has a
/// content/ folder, or else the nearest folder above it whose content/ holds site.yml.</summary>
internal static class SiteRoot
{
    /// <returns>The site's root, or null outside any site.</returns>
    public static string? Find(string start)
    {
        if (Directory.Exists(Path.Combine(start, "content")))
        {
            return start;
        }
        for (var folder = Directory.GetParent(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "content", Content.SiteConfig.FileName)))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
