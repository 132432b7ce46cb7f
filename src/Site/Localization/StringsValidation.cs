using Site.Diagnostics;

namespace Site.Localization;

/// <summary>The checks that need more than one table: English defines the keys and their placeholders,
/// and a language's plural rules decide which forms its plural messages need.</summary>
internal static class StringsValidation
{
    /// <summary>English's messages, each layer's table over the one before. A later layer may add keys (a
    /// site's own templates have their own words), but one that looks like a misspelt key is reported.</summary>
    public static IReadOnlyDictionary<string, Message> MergeEnglish(IReadOnlyList<StringsTable> layers, List<StringsProblem> problems)
    {
        var merged = new Dictionary<string, Message>(StringComparer.Ordinal);
        foreach (var table in layers)
        {
            var known = merged.Keys.ToList();
            foreach (var (key, message) in table.Messages.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                if (ReservedName(key) is { } reserved)
                {
                    problems.Add(StringsProblem.Error(message.Position,
                        $"'{key}' cannot be a key: templates reach t.{reserved} as the language's own (reserved: {string.Join(", ", StringsCatalog.ReservedNames)})"));
                    continue;
                }
                if (ClashingKey(key, merged.Keys) is { } clash)
                {
                    problems.Add(StringsProblem.Error(message.Position, $"'{key}' cannot be both a text and a group of texts: there is also '{clash}'"));
                    continue;
                }
                if (known.Count > 0 && !merged.ContainsKey(key) && DidYouMean.Closest(key, known) is { } near)
                {
                    problems.Add(StringsProblem.Warning(message.Position,
                        $"'{key}' is a new key, not one of the theme's (did you mean '{near}'?)"));
                }
                merged[key] = message;
            }
        }
        return merged;
    }

    /// <summary>Checks <paramref name="table"/> against English (for another language) and against the plural
    /// rules of its language.</summary>
    public static void Check(StringsTable table, IReadOnlyDictionary<string, Message> english, PluralRules rules, List<StringsProblem> problems)
    {
        var isEnglish = table.Language.Equals(StringsCatalog.English, StringComparison.OrdinalIgnoreCase);
        foreach (var (key, message) in table.Messages.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!english.TryGetValue(key, out var source))
            {
                if (!isEnglish)
                {
                    problems.Add(StringsProblem.Error(message.Position, $"unknown key '{key}'{DidYouMean.Hint(key, english.Keys)}: every key must be in the English table, which is its fallback"));
                }
                continue;
            }
            // A translation with plural forms English cannot choose between is reported once, as that.
            if ((isEnglish || CheckAgainstEnglish(key, message, source, problems)) && message.Forms is { } forms)
            {
                CheckForms(table.Language, key, message, forms, rules, problems);
            }
        }
    }

    /// <summary>False when <paramref name="message"/> has plural forms though no count is given for it.</summary>
    private static bool CheckAgainstEnglish(string key, Message message, Message english, List<StringsProblem> problems)
    {
        foreach (var name in message.Placeholders.Where(p => !english.Parameters.Contains(p)).Order(StringComparer.Ordinal))
        {
            var given = english.Parameters.Count == 0
                ? "it has none"
                : "it has " + string.Join(", ", english.Parameters.Order(StringComparer.Ordinal).Select(p => $"{{{p}}}"));
            problems.Add(StringsProblem.Error(message.Position, $"'{key}' uses {{{name}}}, which the English text does not give: {given}"));
        }
        if (message.IsPlural && !english.Parameters.Contains(Message.CountName))
        {
            problems.Add(StringsProblem.Error(message.Position,
                $"'{key}' has plural forms, but no {{{Message.CountName}}} to choose one by: the English text is not a plural message"));
            return false;
        }
        return true;
    }

    private static void CheckForms(string language, string key, Message message, IReadOnlyDictionary<PluralCategory, MessageText> forms, PluralRules rules, List<StringsProblem> problems)
    {
        var needed = string.Join(", ", rules.Categories.Select(c => c.Name()));
        foreach (var category in rules.Categories.Where(c => !forms.ContainsKey(c)))
        {
            problems.Add(StringsProblem.Warning(message.Position,
                $"'{key}' has no '{category.Name()}' form, which the plural rules of {language} choose ({needed}); 'other' is used instead"));
        }
        foreach (var category in forms.Keys.Where(c => !rules.Categories.Contains(c)).Order())
        {
            problems.Add(StringsProblem.Warning(message.Position,
                $"'{key}' has a '{category.Name()}' form, which the plural rules of {language} never choose ({needed})"));
        }
    }

    private static string? ReservedName(string key)
    {
        var first = key.Split('.')[0];
        return StringsCatalog.ReservedNames.Contains(first) ? first : null;
    }

    /// <summary>Another key that makes <paramref name="key"/> both a text and a group: "notes" and "notes.heading".
    /// Every key is checked against every other on each build, so without making a string per pair.</summary>
    private static string? ClashingKey(string key, IEnumerable<string> keys) =>
        keys.FirstOrDefault(other => IsGroupOf(key, other) || IsGroupOf(other, key));

    /// <summary>Whether <paramref name="key"/> starts with <paramref name="group"/> and a dot.</summary>
    private static bool IsGroupOf(string group, string key) =>
        key.Length > group.Length && key[group.Length] == '.' && key.StartsWith(group, StringComparison.Ordinal);
}
