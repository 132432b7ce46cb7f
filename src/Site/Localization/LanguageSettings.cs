namespace Site.Localization;

internal enum TextDirection
{
    Ltr,
    Rtl,
}

/// <summary>
/// What a strings table says about its language besides messages. Every field is optional in a table: a
/// site's table may change one date pattern and keep the rest, and a regional table (kk-KZ) inherits
/// its language's (kk). <see cref="Over"/> fills the gaps from the next table in line.
/// </summary>
internal sealed record LanguageSettings
{
    /// <summary>When not even English says: numbers as written, dates as digits. Only a site without an English
    /// table (itself an error) ends up here.</summary>
    public static LanguageSettings Neutral { get; } = new()
    {
        Direction = TextDirection.Ltr,
        Plural = PluralRules.OtherOnly,
        DecimalSeparator = ".",
        GroupSeparator = ",",
        MinimumGroupingDigits = 1,
        Months = [.. Enumerable.Range(1, 12).Select(m => m.ToString("00", System.Globalization.CultureInfo.InvariantCulture))],
        DatePattern = MessageText.Parse("{year}-{month}-{day}", out _),
        MonthYearPattern = MessageText.Parse("{year}-{month}", out _),
        YearPattern = MessageText.Parse("{year}", out _),
    };

    /// <summary>The language's name in itself, for a language switcher: "Қазақша".</summary>
    public string? Name { get; init; }

    public TextDirection? Direction { get; init; }

    /// <summary>The language with its usual country, as Open Graph writes a locale: "kk_KZ".</summary>
    public string? Locale { get; init; }

    public PluralRules? Plural { get; init; }

    public string? DecimalSeparator { get; init; }

    public string? GroupSeparator { get; init; }

    public int? MinimumGroupingDigits { get; init; }

    public IReadOnlyList<string>? Months { get; init; }

    public IReadOnlyList<string>? MonthsWithDay { get; init; }

    public MessageText? DatePattern { get; init; }

    public MessageText? MonthYearPattern { get; init; }

    public MessageText? YearPattern { get; init; }

    public LanguageSettings Over(LanguageSettings fallback) => new()
    {
        Name = Name ?? fallback.Name,
        Direction = Direction ?? fallback.Direction,
        Locale = Locale ?? fallback.Locale,
        Plural = Plural ?? fallback.Plural,
        DecimalSeparator = DecimalSeparator ?? fallback.DecimalSeparator,
        GroupSeparator = GroupSeparator ?? fallback.GroupSeparator,
        MinimumGroupingDigits = MinimumGroupingDigits ?? fallback.MinimumGroupingDigits,
        Months = Months ?? fallback.Months,
        MonthsWithDay = MonthsWithDay ?? fallback.MonthsWithDay,
        DatePattern = DatePattern ?? fallback.DatePattern,
        MonthYearPattern = MonthYearPattern ?? fallback.MonthYearPattern,
        YearPattern = YearPattern ?? fallback.YearPattern,
    };
}
