using System.Globalization;
using Site.Content;

namespace Site.Localization;

/// <summary>
/// Dates in a language's own style, from its strings table alone, never from the machine's culture data
/// (which differs between machines and is absent under InvariantGlobalization): "4 January 2024",
/// "4 января 2024 г.", "2024 жылғы 4 қаңтар"; and for sources dated only by month or year,
/// "January 2022" / "январь 2022 г." and "2022" / "2022 г.".
/// </summary>
/// <param name="Months">Month names used alone or with a year (CLDR's stand-alone form): "январь".</param>
/// <param name="MonthsWithDay">Month names used with a day (CLDR's format form, genitive in Russian): "января".</param>
/// <param name="Date">A full date, with {day}, {month} (from <paramref name="MonthsWithDay"/>) and {year}.</param>
/// <param name="MonthYear">A month of a year, with {month} (from <paramref name="Months"/>) and {year}.</param>
/// <param name="Year">A year alone, with {year}.</param>
internal sealed record DateFormat(
    IReadOnlyList<string> Months,
    IReadOnlyList<string> MonthsWithDay,
    MessageText Date,
    MessageText MonthYear,
    MessageText Year)
{
    public const string Day = "day";
    public const string Month = "month";
    public const string YearName = "year";

    public string Format(DateOnly date) => Render(Date, date.Year, MonthsWithDay[date.Month - 1], date.Day);

    public string FormatMonthYear(int year, int month) => Render(MonthYear, year, Months[month - 1], null);

    public string FormatYear(int year) => Render(Year, year, null, null);

    public string MonthName(int month) => Months[month - 1];

    /// <summary>Formats an ISO 8601 date by its precision: "2022" as a year, "2022-01" as a month,
    /// "2022-01-26" (or a date-time, whose date is taken as written, offset and all) as a full date.
    /// Null when the text is none of these.</summary>
    public string? FormatIso(string text)
    {
        var date = text.Length > 10 && text[10] is 'T' or ' ' ? text[..10] : text;
        var invariant = CultureInfo.InvariantCulture;
        return date.Length switch
        {
            4 when int.TryParse(date, NumberStyles.None, invariant, out var year) && year > 0 => FormatYear(year),
            7 when PublishDate.TryParseDay(date + "-01", out var month) => FormatMonthYear(month.Year, month.Month),
            10 when PublishDate.TryParseDay(date, out var day) => Format(day),
            _ => null,
        };
    }

    private static string Render(MessageText pattern, int year, string? month, int? day) =>
        pattern.Render(
            name => name switch
            {
                // Plain digits, never grouped: "2024", not "2,024".
                YearName => year.ToString(CultureInfo.InvariantCulture),
                Month => month,
                Day => day?.ToString(CultureInfo.InvariantCulture),
                _ => null,
            },
            literal => literal);
}
