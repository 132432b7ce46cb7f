using System.Text.RegularExpressions;

namespace Site.Localization;

/// <summary>
/// Every strings table of every layer (the theme's, then the site's, each overriding the one before key
/// by key), checked once when loaded, and resolved per language with <see cref="Resolve"/>. English is the
/// schema: its keys are the keys, its placeholders the values a caller gives; other languages may leave
/// keys out (English is used, and reported) but not invent them.
/// </summary>
internal sealed partial class StringsCatalog
{
    public const string English = "en";

    /// <summary>Names the template object <c>t</c> uses for the language and its functions; no message
    /// group may take them.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "lang", "dir", "language_name", "locale", "date", "month", "number",
    };

    /// <summary>By language tag, ignoring case; each list in layer order, the theme's table first.</summary>
    private readonly Dictionary<string, List<StringsTable>> _tables;
    private readonly IReadOnlyDictionary<string, Message> _english;

    /// <summary>Site's own tables not read yet, by language (see <see cref="LoadShipped"/>); locking it guards
    /// <see cref="_tables"/> too, which reading one adds to.</summary>
    private readonly Dictionary<string, StringsSource> _unread;

    /// <summary>The problems of each table read late, by language: every <see cref="Resolve"/> it serves reports them.</summary>
    private readonly Dictionary<string, List<StringsProblem>> _lateProblems = new(StringComparer.OrdinalIgnoreCase);

    private StringsCatalog(Dictionary<string, List<StringsTable>> tables, IReadOnlyDictionary<string, Message> english, List<StringsProblem> problems,
        Dictionary<string, StringsSource> unread)
    {
        _tables = tables;
        _english = english;
        _unread = unread;
        Problems = [.. problems.Distinct().OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)
            .ThenBy(p => p.Message, StringComparer.Ordinal)];
        Languages = [.. tables.Values.Select(list => list[0].Language).Concat(unread.Values.Select(LanguageOf)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Mistakes in the tables, in file and position order.</summary>
    public IReadOnlyList<StringsProblem> Problems { get; }

    /// <summary>The languages that have a table, as their files spell them: "en", "kk", "ru".</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <param name="layers">The tables of each layer, the theme's first: a later layer overrides key by key.</param>
    public static StringsCatalog Load(IReadOnlyList<IReadOnlyList<StringsSource>> layers, List<StringsProblem>? readProblems = null) =>
        Load(layers, readProblems, new Dictionary<string, StringsSource>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Site's own tables (one layer, a table per language): English now, as it defines the keys, and
    /// every other language on the first <see cref="Resolve"/> that needs it. Parsing all three was a tenth
    /// of a small site's build, which uses one. A late table's problems are those of the languages it serves;
    /// the tests hold Site's own tables to none.</summary>
    public static StringsCatalog LoadShipped(IReadOnlyList<StringsSource> shipped)
    {
        var unread = shipped.Where(source => LanguageTag().IsMatch(LanguageOf(source)) && !LanguageOf(source).Equals(English, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(LanguageOf, StringComparer.OrdinalIgnoreCase);
        return Load([[.. shipped.Except(unread.Values)]], null, unread);
    }

    private static StringsCatalog Load(IReadOnlyList<IReadOnlyList<StringsSource>> layers, List<StringsProblem>? readProblems, Dictionary<string, StringsSource> unread)
    {
        var problems = new List<StringsProblem>(readProblems ?? []);
        var tables = new Dictionary<string, List<StringsTable>>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            foreach (var source in layer)
            {
                var language = LanguageOf(source);
                if (!LanguageTag().IsMatch(language))
                {
                    problems.Add(new StringsProblem(source.File, 0, 0, Diagnostics.Severity.Error,
                        $"'{language}' is not a language tag; name strings tables like en.yml, ru.yml or kk-KZ.yml"));
                }
                else if (StringsTableReader.Read(language, source, problems) is { } table)
                {
                    (tables.TryGetValue(language, out var list) ? list : tables[language] = []).Add(table);
                }
            }
        }
        if (!tables.TryGetValue(English, out var english))
        {
            problems.Add(new StringsProblem($"{StringsFolder.Name}/{English}.yml", 0, 0, Diagnostics.Severity.Error,
                "there is no English strings table; English is every language's fallback and defines the keys"));
        }
        var keys = StringsValidation.MergeEnglish(english ?? [], problems);
        foreach (var table in tables.Values.SelectMany(list => list))
        {
            StringsValidation.Check(table, keys, Settings(tables, table.Language).Plural ?? PluralRules.OtherOnly, problems);
        }
        return new StringsCatalog(tables, keys, problems, unread);
    }

    private static string LanguageOf(StringsSource source) => Path.GetFileNameWithoutExtension(source.File);

    /// <summary>Reads and checks the unread tables that serve <paramref name="language"/>; the caller holds the lock.</summary>
    /// <returns>The problems of every table read late that serves it.</returns>
    private List<StringsProblem> ReadLate(string language)
    {
        var chain = Chain(language);
        var read = new List<StringsTable>();
        foreach (var tag in chain)
        {
            if (_unread.Remove(tag, out var source))
            {
                var found = _lateProblems[tag] = [];
                if (StringsTableReader.Read(LanguageOf(source), source, found) is { } table)
                {
                    _tables[table.Language] = [table];
                    read.Add(table);
                }
            }
        }
        // A table's plural forms are checked against its language's rules, which its parent's table may give.
        foreach (var table in read)
        {
            StringsValidation.Check(table, _english, Settings(_tables, table.Language).Plural ?? PluralRules.OtherOnly, _lateProblems[table.Language]);
        }
        return [.. chain.SelectMany(tag => _lateProblems.GetValueOrDefault(tag) ?? [])];
    }

    /// <summary>The strings of <paramref name="language"/>: each key from the most specific table that has
    /// it (a site's kk-KZ, the theme's kk-KZ, the site's kk, the theme's kk, then English). A key found
    /// only in English, for a language that has a table, is a problem of the result.</summary>
    public Strings Resolve(string language)
    {
        lock (_unread)
        {
            return Merge(language, ReadLate(language));
        }
    }

    private Strings Merge(string language, List<StringsProblem> problems)
    {
        var tables = InOrder(_tables, language);
        var translations = tables.Where(t => !IsEnglish(t.Language)).ToList();
        var messages = new Dictionary<string, Message>(StringComparer.Ordinal);
        foreach (var (key, english) in _english.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var table = tables.FirstOrDefault(t => t.Messages.ContainsKey(key));
            messages[key] = table?.Messages[key] ?? english;
            if (translations.Count > 0 && (table is null || IsEnglish(table.Language)))
            {
                problems.Add(new StringsProblem(translations[0].File, 0, 0, Diagnostics.Severity.Warning,
                    $"no {translations[0].Language} text for '{key}'; the English one is used"));
            }
        }
        var hasTable = translations.Count > 0 || IsEnglish(language);
        return new Strings(language, hasTable, Settings(_tables, language), messages, _english, problems);
    }

    /// <summary>The language's settings, field by field from the most specific table that gives one.</summary>
    private static LanguageSettings Settings(Dictionary<string, List<StringsTable>> tables, string language)
    {
        var inOrder = InOrder(tables, language);
        var settings = inOrder.Aggregate(new LanguageSettings(), (settings, table) => settings.Over(table.Settings));
        // Month names after a day come from the language itself or are its plain month names: Kazakh, which
        // needs no other form, must not get English's "January" after a day.
        var primary = Primary(language);
        var withDay = inOrder.Where(t => Primary(t.Language).Equals(primary, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Settings.MonthsWithDay).FirstOrDefault(months => months is not null);
        // So does the locale: a language whose table names none must not pass for English's en_US.
        var locale = inOrder.Where(t => Primary(t.Language).Equals(primary, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Settings.Locale).FirstOrDefault(l => l is not null);
        return settings with { MonthsWithDay = withDay ?? settings.Months, Locale = locale };
    }

    private static string Primary(string language) => language.Split('-', '_')[0];

    /// <summary>The tables that serve <paramref name="language"/>, most specific first.</summary>
    private static List<StringsTable> InOrder(Dictionary<string, List<StringsTable>> tables, string language) =>
        [.. Chain(language).SelectMany(tag => tables.TryGetValue(tag, out var list) ? Enumerable.Reverse(list) : [])];

    /// <summary>"kk-Cyrl-KZ", "kk-Cyrl", "kk", then "en": BCP 47 lookup, ending in English.</summary>
    private static List<string> Chain(string language)
    {
        var chain = new List<string>();
        for (var tag = language.Replace('_', '-'); tag.Length > 0; tag = tag.LastIndexOf('-') is var cut and > 0 ? tag[..cut] : "")
        {
            chain.Add(tag);
        }
        if (!chain.Contains(English, StringComparer.OrdinalIgnoreCase))
        {
            chain.Add(English);
        }
        return chain;
    }

    private static bool IsEnglish(string language) =>
        language.Equals(English, StringComparison.OrdinalIgnoreCase) || language.StartsWith(English + "-", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
