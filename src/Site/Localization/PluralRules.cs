namespace Site.Localization;

/// <summary>
/// A language's plural rules: a condition per category, tried in CLDR's order (zero, one, two, few, many);
/// a number no condition matches is "other". English is <c>one: i = 1 and v = 0</c>.
/// </summary>
internal sealed class PluralRules(IReadOnlyDictionary<PluralCategory, PluralCondition> conditions)
{
    /// <summary>Rules with no conditions: every number is "other" (Japanese, Chinese, …).</summary>
    public static PluralRules OtherOnly { get; } = new(new Dictionary<PluralCategory, PluralCondition>());

    /// <summary>The categories these rules can select, "other" included, in CLDR's order.</summary>
    public IReadOnlyList<PluralCategory> Categories { get; } =
        [.. PluralCategories.All.Where(c => c == PluralCategory.Other || conditions.ContainsKey(c))];

    public PluralCategory Select(decimal number)
    {
        var operands = PluralOperands.From(number);
        foreach (var category in PluralCategories.All)
        {
            if (conditions.TryGetValue(category, out var condition) && condition.Matches(operands))
            {
                return category;
            }
        }
        return PluralCategory.Other;
    }
}
