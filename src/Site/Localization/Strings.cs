using System.Globalization;

namespace Site.Localization;

/// <summary>
/// Every word Site writes, in one language, resolved through its fallbacks (kk-KZ, then kk, then English;
/// a site's table before the theme's), with the language's plural rules, number style and dates.
/// Immutable, so one instance serves every page rendered in parallel.
/// </summary>
internal sealed class Strings
{
    private readonly IReadOnlyDictionary<string, Message> _messages;
    private readonly IReadOnlyDictionary<string, Message> _english;

    /// <param name="english">English's messages, which say what values each key takes in every language.</param>
    public Strings(string language, bool hasTable, LanguageSettings settings, IReadOnlyDictionary<string, Message> messages,
        IReadOnlyDictionary<string, Message> english, IReadOnlyList<StringsProblem> problems)
    {
        Language = language;
        HasTable = hasTable;
        _messages = messages;
        _english = english;
        Problems = problems;
        Name = settings.Name ?? language;
        Direction = settings.Direction ?? TextDirection.Ltr;
        Locale = OpenGraphLocale(language, settings.Locale);
        Plural = settings.Plural ?? PluralRules.OtherOnly;
        Numbers = new NumberFormat(settings.DecimalSeparator ?? ".", settings.GroupSeparator ?? ",", settings.MinimumGroupingDigits ?? 1);
        var neutral = LanguageSettings.Neutral;
        var months = settings.Months ?? neutral.Months!;
        Dates = new DateFormat(
            months,
            settings.MonthsWithDay ?? months,
            settings.DatePattern ?? neutral.DatePattern!,
            settings.MonthYearPattern ?? neutral.MonthYearPattern!,
            settings.YearPattern ?? neutral.YearPattern!);
    }

    /// <summary>The language tag asked for: "kk-KZ".</summary>
    public string Language { get; }

    /// <summary>False when no table of this language (or of its base language) exists and every word is
    /// English: the build reports that where the language was chosen.</summary>
    public bool HasTable { get; }

    /// <summary>The language's name in itself: "Русский".</summary>
    public string Name { get; }

    public TextDirection Direction { get; }

    /// <summary>The page's locale as Open Graph writes it, "kk_KZ": the language tag's own region when it
    /// has one (kk-KZ), else the table's <c>locale</c>, else the bare tag.</summary>
    public string Locale { get; }

    public PluralRules Plural { get; }

    public NumberFormat Numbers { get; }

    public DateFormat Dates { get; }

    /// <summary>Keys this language has no text for (English is used), found when it was resolved.</summary>
    public IReadOnlyList<StringsProblem> Problems { get; }

    public IReadOnlyDictionary<string, Message> Messages => _messages;

    /// <summary>The values <paramref name="key"/> takes, whatever the language: English's placeholders, and
    /// <c>count</c> for a plural message. A translation may use fewer, so callers give these.</summary>
    public IReadOnlySet<string> Parameters(string key) => (_english.GetValueOrDefault(key) ?? Get(key)).Parameters;

    /// <summary>The message as plain text (for attributes the caller escapes, JSON, feeds). Each value is
    /// text, written as given, or a number, written in the language's style; <c>count</c> chooses a plural
    /// message's form: <c>Text("articles.count", ("count", 5))</c>.</summary>
    /// <exception cref="ArgumentException">No such key, or a placeholder without a value.</exception>
    public string Text(string key, params ReadOnlySpan<(string Name, object Value)> args) => Format(Get(key), key, Lookup(args), html: false);

    /// <summary>The message as HTML: its own text escaped, the values inserted as given (so they may be
    /// markup, such as links to notes).</summary>
    /// <exception cref="ArgumentException">No such key, or a placeholder without a value.</exception>
    public string Html(string key, params ReadOnlySpan<(string Name, object Value)> args) => Format(Get(key), key, Lookup(args), html: true);

    /// <summary>Writes <paramref name="message"/> with the values <paramref name="arg"/> gives by name.</summary>
    /// <exception cref="ArgumentException">A value is missing or of the wrong kind.</exception>
    public string Format(Message message, string key, Func<string, object?> arg, bool html)
    {
        var text = message.Other;
        if (message.IsPlural)
        {
            var count = arg(Message.CountName) ?? throw new ArgumentException($"the message '{key}' needs {{{Message.CountName}}}, the number that chooses its form");
            text = message.For(Plural.Select(Number(count, key, Message.CountName)));
        }
        return text.Render(
            name => arg(name) switch
            {
                null => throw new ArgumentException($"the message '{key}' needs a value for {{{name}}}"),
                string value => value,
                var number => Numbers.Format(Number(number, key, name)),
            },
            html ? Templating.Html.Escape : static literal => literal);
    }

    private static string OpenGraphLocale(string language, string? tableLocale)
    {
        var subtags = language.Split('-', '_');
        // BCP 47: the region is the first later subtag of two letters (a script has four: kk-Cyrl-KZ).
        var region = subtags.Skip(1).FirstOrDefault(s => s.Length == 2 && s.All(char.IsAsciiLetter));
        return region is not null ? $"{subtags[0].ToLowerInvariant()}_{region.ToUpperInvariant()}" : tableLocale ?? language;
    }

    private Message Get(string key) =>
        _messages.TryGetValue(key, out var message) ? message : throw new ArgumentException($"no strings table has the key '{key}'", nameof(key));

    private static Func<string, object?> Lookup(ReadOnlySpan<(string Name, object Value)> args)
    {
        // A message has a value or two: a search beats building a dictionary.
        var values = args.ToArray();
        return name => Array.Find(values, v => v.Name == name).Value;
    }

    /// <summary>A number given to a message; text holding one ("1.50", as a template might pass) counts too.</summary>
    public static decimal Number(object value, string key, string name)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (value)
        {
            case decimal number:
                return number;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                return Convert.ToDecimal(value, invariant);
            case double or float when Convert.ToDouble(value, invariant) is var number && double.IsFinite(number) && Math.Abs(number) < 1e15:
                return Convert.ToDecimal(number);
            case string text when decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant, out var number):
                return number;
            default:
                throw new ArgumentException($"{{{name}}} of the message '{key}' must be a number, not '{value}'");
        }
    }
}
