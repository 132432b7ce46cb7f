namespace Site.Tests.Support;

internal static class RepoRoot
{
    /// <summary>The folder holding Site.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Site.sln above {AppContext.BaseDirectory}");
    }
}
