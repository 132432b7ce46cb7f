namespace Site.Localization;

/// <summary>
/// One plural category's condition in CLDR rule syntax: relations joined by <c>and</c>, alternatives by
/// <c>or</c> (<c>and</c> binds tighter), e.g. Russian "few": <c>v = 0 and i % 10 = 2..4 and i % 100 != 12..14</c>.
/// </summary>
internal sealed record PluralCondition(IReadOnlyList<IReadOnlyList<PluralRelation>> AnyOf)
{
    /// <summary>The empty condition, which never matches: "other" is what no other condition matched.</summary>
    public static PluralCondition Never { get; } = new([]);

    public bool IsEmpty => AnyOf.Count == 0;

    public bool Matches(PluralOperands operands)
    {
        // Loops rather than LINQ: this runs for every number a page writes with a plural message.
        foreach (var allOf in AnyOf)
        {
            var all = true;
            foreach (var relation in allOf)
            {
                if (!relation.Matches(operands))
                {
                    all = false;
                    break;
                }
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Parses <paramref name="text"/>; samples after '@' (<c>@integer 1, 21, …</c>) are allowed and
    /// ignored, so rules can be pasted from CLDR's data as they are.</summary>
    public static PluralCondition? Parse(string text, out string? error) => PluralConditionParser.Parse(text, out error);
}

/// <summary>
/// <c>i % 10 = 2..4</c>: an operand, an optional modulus and the values it may (or, negated, may not) take.
/// With <c>=</c>, <c>!=</c>, <c>is</c> and <c>in</c> only whole values match, so n = 1.5 is not in 1..2;
/// <c>within</c> takes any value inside the range.
/// </summary>
internal sealed record PluralRelation(char Operand, decimal? Modulus, bool Negated, bool Within, IReadOnlyList<PluralRange> Ranges)
{
    public bool Matches(PluralOperands operands)
    {
        var value = operands[Operand];
        if (Modulus is { } modulus)
        {
            value %= modulus;
        }
        var inside = false;
        if (Within || value == decimal.Truncate(value))
        {
            foreach (var range in Ranges)
            {
                inside |= value >= range.From && value <= range.To;
            }
        }
        return inside != Negated;
    }
}

/// <summary>An inclusive range of whole numbers; a single value is a range of one.</summary>
internal readonly record struct PluralRange(decimal From, decimal To);
