using System.Globalization;
using Site.Content;
using Site.Diagnostics;

namespace Site.Localization;

/// <summary>
/// Reads one strings table from YAML (with <see cref="YamlTree"/>: positioned, no aliases, AOT-safe):
/// <code>
/// language: { name: Русский, direction: ltr, plural: { one: "v = 0 and i % 10 = 1 and i % 100 != 11", … } }
/// numbers:  { decimal: ",", group: "\u00A0", minimum_grouping_digits: 1 }
/// dates:    { months: [январь, …], months_with_day: [января, …], date: "{day} {month} {year} г.", … }
/// messages: { notes: { heading: Примечания, count: { one: "{count} примечание", few: …, other: … } } }
/// </code>
/// Every section and key is optional; every mistake is a problem at its line and column.
/// </summary>
internal sealed class StringsTableReader
{
    private static readonly string[] Sections = ["language", "numbers", "dates", "messages"];
    private static readonly string[] LanguageKeys = ["name", "direction", "locale", "plural"];
    private static readonly string[] NumberKeys = ["decimal", "group", "minimum_grouping_digits"];
    private static readonly string[] DateKeys = ["months", "months_with_day", "date", "month_year", "year"];

    private readonly string _file;

    /// <summary>YamlTree and YamlFields report here; <see cref="Read"/> turns it into problems.</summary>
    private readonly DiagnosticBag _problems = new();

    private StringsTableReader(string file) => _file = file;

    /// <summary>Reads <paramref name="source"/> as the table of <paramref name="language"/>; null when it is not
    /// a table at all (not YAML, not a mapping). Problems are added to <paramref name="problems"/>.</summary>
    public static StringsTable? Read(string language, StringsSource source, List<StringsProblem> problems)
    {
        var reader = new StringsTableReader(source.File);
        var table = reader.Table(language, source.Text);
        problems.AddRange(reader._problems.ToSortedList().Select(d => new StringsProblem(d.File, d.Line, d.Column, d.Severity, d.Message)));
        return table;
    }

    private StringsTable? Table(string language, string text)
    {
        if (YamlTree.Parse(text, _file, 1, _problems) is not { } root)
        {
            return null;
        }
        if (root is not YamlMap map)
        {
            Error(root, "a strings table is a mapping with the sections language, numbers, dates and messages");
            return null;
        }
        var fields = new YamlFields(map, _file, _problems, "strings table", Sections);
        var settings = new LanguageSettings();
        if (fields.Map("language", LanguageKeys) is { } languageFields)
        {
            settings = Language(languageFields, settings);
        }
        if (fields.Map("numbers", NumberKeys) is { } numbers)
        {
            settings = Numbers(numbers, settings);
        }
        if (fields.Map("dates", DateKeys) is { } dates)
        {
            settings = Dates(dates, settings);
        }
        var messages = new Dictionary<string, Message>(StringComparer.Ordinal);
        switch (fields.Node("messages"))
        {
            case YamlMap group:
                Messages(group, "", messages);
                break;
            case YamlScalar { IsPlain: true, Value: "" or "~" or "null" } or null:
                break;
            case var other:
                Error(other, "'messages' must be a mapping of keys to texts, for example notes: { heading: Notes }");
                break;
        }
        return new StringsTable(language, _file, settings, messages);
    }

    private LanguageSettings Language(YamlFields fields, LanguageSettings settings)
    {
        var direction = fields.String("direction");
        if (direction is not (null or "ltr" or "rtl"))
        {
            fields.Report(DiagnosticCode.BadValue, fields.Node("direction")!, $"'direction' must be ltr or rtl, not '{direction}'");
            direction = null;
        }
        var locale = fields.String("locale");
        if (locale is not null && !IsLocale(locale))
        {
            fields.Report(DiagnosticCode.BadValue, fields.Node("locale")!, $"'locale' must be a language and a country, as Open Graph writes them (kk_KZ), not '{locale}'");
            locale = null;
        }
        return settings with
        {
            Name = NonEmpty(fields, "name"),
            Direction = direction switch { "ltr" => TextDirection.Ltr, "rtl" => TextDirection.Rtl, _ => null },
            Locale = locale,
            Plural = fields.Node("plural") is { } plural ? PluralRules(plural) : null,
        };
    }

    /// <summary>"kk_KZ": two or three lowercase letters, '_', two capitals.</summary>
    private static bool IsLocale(string text) =>
        text.IndexOf('_') is (2 or 3) and var cut && text.Length == cut + 3
        && text[..cut].All(char.IsAsciiLetterLower) && text[(cut + 1)..].All(char.IsAsciiLetterUpper);

    private PluralRules? PluralRules(YamlNode node)
    {
        if (node is not YamlMap map)
        {
            Error(node, $"'plural' must map plural categories ({PluralCategories.Names}) to CLDR rules, for example one: \"i = 1 and v = 0\"");
            return null;
        }
        var conditions = new Dictionary<PluralCategory, PluralCondition>();
        var valid = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!PluralCategories.TryParse(key.Value, out var category))
            {
                Error(key, $"'{key.Value}' is not a plural category; CLDR's are {PluralCategories.Names}");
                valid = false;
                continue;
            }
            var rule = value is YamlScalar { IsPlain: true, Value: "~" or "null" } ? "" : (value as YamlScalar)?.Value;
            if (rule is null)
            {
                Error(value, $"the rule for '{key.Value}' must be text in CLDR syntax, for example \"v = 0 and i % 10 = 1\"");
                valid = false;
            }
            else if (PluralCondition.Parse(rule, out var error) is not { } condition)
            {
                Error(value, $"the plural rule for '{key.Value}' is not valid CLDR syntax: {error}");
                valid = false;
            }
            else if (category == PluralCategory.Other ? !condition.IsEmpty : condition.IsEmpty)
            {
                Error(value, category == PluralCategory.Other
                    ? "'other' takes no rule: it is whatever no other rule matches"
                    : $"the rule for '{key.Value}' is empty; give its CLDR condition or leave the category out");
                valid = false;
            }
            else if (category != PluralCategory.Other)
            {
                conditions[category] = condition;
            }
        }
        // Half a rule set would pick wrong forms everywhere; without one, the next table's rules apply.
        return valid ? new PluralRules(conditions) : null;
    }

    private LanguageSettings Numbers(YamlFields fields, LanguageSettings settings)
    {
        int? minimum = null;
        if (fields.String("minimum_grouping_digits") is { } text)
        {
            if (text is "1" or "2" or "3")
            {
                minimum = int.Parse(text, CultureInfo.InvariantCulture);
            }
            else
            {
                fields.Report(DiagnosticCode.BadValue, fields.Node("minimum_grouping_digits")!, $"'minimum_grouping_digits' must be 1, 2 or 3, not '{text}'");
            }
        }
        return settings with
        {
            DecimalSeparator = NonEmpty(fields, "decimal"),
            // A group separator may be empty: some styles write 10000 ungrouped.
            GroupSeparator = fields.Node("group") is YamlScalar { IsPlain: false } ? fields.String("group") : NonEmpty(fields, "group"),
            MinimumGroupingDigits = minimum,
        };
    }

    private LanguageSettings Dates(YamlFields fields, LanguageSettings settings) => settings with
    {
        Months = MonthNames(fields, "months"),
        MonthsWithDay = MonthNames(fields, "months_with_day"),
        DatePattern = Pattern(fields, "date", DateFormat.Day, DateFormat.Month, DateFormat.YearName),
        MonthYearPattern = Pattern(fields, "month_year", DateFormat.Month, DateFormat.YearName),
        YearPattern = Pattern(fields, "year", DateFormat.YearName),
    };

    private List<string>? MonthNames(YamlFields fields, string key)
    {
        if (fields.Node(key) is not { } node)
        {
            return null;
        }
        var names = fields.StringList(key);
        if (names.Count != 12 || node is not YamlList list || list.Items.Count != 12)
        {
            Error(node, $"'{key}' must list the 12 month names, January first");
            return null;
        }
        return [.. names];
    }

    private MessageText? Pattern(YamlFields fields, string key, params string[] allowed)
    {
        if (NonEmpty(fields, key) is not { } text)
        {
            return null;
        }
        var at = fields.Node(key)!;
        if (MessageText.Parse(text, out var error) is not { } pattern)
        {
            Error(at, $"the date pattern '{key}': {error}");
            return null;
        }
        if (pattern.Placeholders.FirstOrDefault(p => !allowed.Contains(p)) is { } unknown)
        {
            Error(at, $"the date pattern '{key}' uses {{{unknown}}}; it may use {string.Join(", ", allowed.Select(a => $"{{{a}}}"))}");
            return null;
        }
        return pattern;
    }

    private static string? NonEmpty(YamlFields fields, string key)
    {
        var value = fields.String(key);
        if (value is not null && value.Length == 0)
        {
            fields.Report(DiagnosticCode.BadValue, fields.Node(key)!, $"'{key}' must not be empty");
            return null;
        }
        return value;
    }

    /// <summary>Walks a group of <c>messages</c>; a mapping with a plural category among its keys is a plural
    /// message, any other mapping a group whose keys are joined with dots: notes: { heading } is "notes.heading".</summary>
    private void Messages(YamlMap group, string prefix, Dictionary<string, Message> messages)
    {
        foreach (var (key, value) in group.Entries)
        {
            if (!MessageText.IsName(key.Value))
            {
                Error(key, $"'{key.Value}' is not a valid key: keys are lowercase letters, digits and '_', starting with a letter");
                continue;
            }
            var name = prefix + key.Value;
            var at = new TablePosition(_file, value.Line, value.Column);
            switch (value)
            {
                case YamlMap map when map.Entries.Any(e => PluralCategories.TryParse(e.Key.Value, out _)):
                    if (PluralMessage(name, map, at) is { } plural)
                    {
                        messages[name] = plural;
                    }
                    break;
                case YamlMap map:
                    Messages(map, name + ".", messages);
                    break;
                case YamlScalar scalar:
                    if (Text(name, scalar) is { } text)
                    {
                        messages[name] = new Message(text, null, at);
                    }
                    break;
                case YamlList:
                    Error(value, $"'{name}' must be a text, or a mapping of plural forms (one: …, other: …)");
                    break;
            }
        }
    }

    private Message? PluralMessage(string name, YamlMap map, TablePosition at)
    {
        var forms = new Dictionary<PluralCategory, MessageText>();
        foreach (var (key, value) in map.Entries)
        {
            if (!PluralCategories.TryParse(key.Value, out var category))
            {
                Error(key, $"'{key.Value}' is not a plural category; the forms of '{name}' are named {PluralCategories.Names}");
            }
            else if (value is not YamlScalar scalar)
            {
                Error(value, $"the '{key.Value}' form of '{name}' must be a text");
            }
            else if (Text($"{name}.{key.Value}", scalar) is { } text)
            {
                forms[category] = text;
            }
        }
        if (!forms.TryGetValue(PluralCategory.Other, out var other))
        {
            if (!map.Entries.Any(e => e.Key.Value == "other"))
            {
                Error(map, $"the plural message '{name}' needs an 'other' form, used for every number no other form covers");
            }
            return null;
        }
        return new Message(other, forms, at);
    }

    private MessageText? Text(string name, YamlScalar scalar)
    {
        if (scalar is { IsPlain: true, Value: "" or "~" or "null" })
        {
            Error(scalar, $"'{name}' has no text; write \"\" for an empty one");
            return null;
        }
        foreach (var c in scalar.Value)
        {
            if (char.IsControl(c) && c is not ('\n' or '\t'))
            {
                Error(scalar, $"'{name}' contains the character U+{(int)c:X4}, which pages cannot show; remove it");
                return null;
            }
        }
        if (MessageText.Parse(scalar.Value, out var error) is not { } text)
        {
            Error(scalar, $"'{name}': {error}");
            return null;
        }
        return text;
    }

    private void Error(YamlNode node, string message) => _problems.Report(DiagnosticCode.BadValue, new FilePosition(_file, node.Line, node.Column), message);
}
