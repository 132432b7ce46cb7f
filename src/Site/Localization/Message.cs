namespace Site.Localization;

/// <summary>Where something was written in a strings table, for problems.</summary>
internal readonly record struct TablePosition(string File, int Line, int Column);

/// <summary>
/// One entry of a strings table: a text, or (a plural message) one text per plural category, chosen by the
/// number given as <c>{count}</c>. "other" is required and used for any category a table leaves out.
/// </summary>
internal sealed record Message(MessageText Other, IReadOnlyDictionary<PluralCategory, MessageText>? Forms, TablePosition Position)
{
    /// <summary>The placeholder plural messages are chosen by.</summary>
    public const string CountName = "count";

    public bool IsPlural => Forms is not null;

    /// <summary>Every placeholder any form uses.</summary>
    public IReadOnlySet<string> Placeholders { get; } =
        (Forms?.Values ?? [Other]).SelectMany(f => f.Placeholders).ToHashSet(StringComparer.Ordinal);

    /// <summary>The names a caller may give: the placeholders, and <c>count</c> for a plural message.</summary>
    public IReadOnlySet<string> Parameters { get; } =
        (Forms?.Values ?? [Other]).SelectMany(f => f.Placeholders).Concat(Forms is null ? [] : [CountName]).ToHashSet(StringComparer.Ordinal);

    public MessageText For(PluralCategory category) => Forms?.GetValueOrDefault(category) ?? Other;
}
