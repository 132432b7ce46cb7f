using Site.Localization;
using Site.Tests.Support;

namespace Site.Tests.Localization;

/// <summary>The theme's own tables, templates/i18n/*.yml of this repository, read once.</summary>
internal static class ShippedTables
{
    private static readonly Lazy<(StringsCatalog Catalog, List<StringsProblem> ReadProblems)> Loaded = new(() =>
    {
        var problems = new List<StringsProblem>();
        var sources = StringsFolder.Read(Path.Combine(RepoRoot.Find(), "templates"), problems);
        return (StringsCatalog.Load([sources], problems), problems);
    });

    public static StringsCatalog Catalog => Loaded.Value.Catalog;
}
