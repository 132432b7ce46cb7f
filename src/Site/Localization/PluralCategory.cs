namespace Site.Localization;

/// <summary>CLDR's plural categories, in the order CLDR lists them (and rules are tried).</summary>
internal enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

internal static class PluralCategories
{
    public static readonly IReadOnlyList<PluralCategory> All =
        [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other];

    /// <summary>The name in tables and in CLDR: "few".</summary>
    public static string Name(this PluralCategory category) => category switch
    {
        PluralCategory.Zero => "zero",
        PluralCategory.One => "one",
        PluralCategory.Two => "two",
        PluralCategory.Few => "few",
        PluralCategory.Many => "many",
        _ => "other",
    };

    public static bool TryParse(string name, out PluralCategory category)
    {
        foreach (var candidate in All)
        {
            if (candidate.Name() == name)
            {
                category = candidate;
                return true;
            }
        }
        category = PluralCategory.Other;
        return false;
    }

    /// <summary>"zero, one, two, few, many, other", for messages.</summary>
    public static string Names => string.Join(", ", All.Select(c => c.Name()));
}
