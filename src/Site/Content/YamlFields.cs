using Site.Diagnostics;

namespace Site.Content;

/// <summary>Typed, positioned access to a YAML mapping with a fixed set of keys (front matter, site.yml).</summary>
internal sealed class YamlFields
{
    private readonly YamlMap _map;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _what;

    public YamlFields(YamlMap map, string file, DiagnosticBag diagnostics, string what, IReadOnlyCollection<string> knownKeys)
    {
        _map = map;
        _file = file;
        _diagnostics = diagnostics;
        _what = what;
        foreach (var (key, _) in map.Entries)
        {
            if (!knownKeys.Contains(key.Value))
            {
                Report(DiagnosticCode.UnknownKey, key, $"unknown {what} key '{key.Value}'{DidYouMean.Hint(key.Value, knownKeys)}; known keys are {string.Join(", ", knownKeys)}");
            }
        }
    }

    public DiagnosticBag Diagnostics => _diagnostics;

    public string File => _file;

    public YamlNode? Node(string key)
    {
        // A loop, not FirstOrDefault with a lambda: front matter asks for each of its fields, some more than once.
        var entries = _map.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key.Value == key)
            {
                return entries[i].Value;
            }
        }
        return null;
    }

    public string? String(string key, bool required = false)
    {
        switch (Node(key))
        {
            case null:
                if (required)
                {
                    _diagnostics.Report(DiagnosticCode.MissingKey, new FilePosition(_file, _map.Line, _map.Column), $"{_what} is missing required key '{key}'");
                }
                return null;
            case YamlScalar { IsPlain: true, Value: "" or "~" or "null" }:
                if (required)
                {
                    Report(DiagnosticCode.BadValue, Node(key)!, $"'{key}' must not be empty");
                }
                return null;
            case YamlScalar scalar:
                if (required && string.IsNullOrWhiteSpace(scalar.Value))
                {
                    Report(DiagnosticCode.BadValue, scalar, $"'{key}' must not be empty");
                    return null;
                }
                return Printable(scalar, key) ? scalar.Value : null;
            case var other:
                Report(DiagnosticCode.BadValue, other, $"'{key}' must be text, not a {Kind(other)}");
                return null;
        }
    }

    public bool? Bool(string key)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case YamlScalar { IsPlain: true, Value: "true" or "True" or "TRUE" }:
                return true;
            case YamlScalar { IsPlain: true, Value: "false" or "False" or "FALSE" }:
                return false;
            case var other:
                Report(DiagnosticCode.BadValue, other, $"'{key}' must be true or false");
                return null;
        }
    }

    public IReadOnlyList<string> StringList(string key)
    {
        switch (Node(key))
        {
            case null:
                return [];
            case YamlList list:
                var values = new List<string>();
                foreach (var item in list.Items)
                {
                    if (item is YamlScalar { Value: var value } scalar && !string.IsNullOrWhiteSpace(value))
                    {
                        if (Printable(scalar, key))
                        {
                            values.Add(value.Trim());
                        }
                    }
                    else
                    {
                        Report(DiagnosticCode.BadValue, item, $"every item of '{key}' must be non-empty text");
                    }
                }
                return values;
            case var other:
                Report(DiagnosticCode.BadValue, other, $"'{key}' must be a list, for example {key}: [one, two]");
                return [];
        }
    }

    public PublishDate? Date(string key, bool required)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }
        if (PublishDate.TryParse(text, out var date))
        {
            return date;
        }
        Report(DiagnosticCode.BadValue, Node(key)!, PublishDate.LacksOffset(text)
            ? $"'{key}' {text} has a time but no offset, which is required (the time would otherwise depend on the machine's time zone): add one, like {text.Trim()}+06:00 or {text.Trim()}Z"
            : $"'{key}' must be a date like 2024-01-31 or 2024-01-31T09:30:00+06:00, not '{text}'");
        return null;
    }

    public YamlFields? Map(string key, IReadOnlyCollection<string> knownKeys)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case YamlMap map:
                return new YamlFields(map, _file, _diagnostics, $"'{key}'", knownKeys);
            case var other:
                Report(DiagnosticCode.BadValue, other, $"'{key}' must be a mapping with keys {string.Join(", ", knownKeys)}");
                return null;
        }
    }

    /// <summary>Text goes into XML too (the feed, the sitemap), and XML has no way to write a control
    /// character or U+FFFE/U+FFFF: a title with one made the feed unreadable. (YAML refuses lone surrogates.)</summary>
    private bool Printable(YamlScalar scalar, string key)
    {
        foreach (var c in scalar.Value)
        {
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                Report(DiagnosticCode.BadValue, scalar, $"'{key}' contains the character U+{(int)c:X4}, which pages and feeds cannot show; remove it");
                return false;
            }
        }
        return true;
    }

    public void Report(DiagnosticCode code, YamlNode node, string message) =>
        _diagnostics.Report(code, new FilePosition(_file, node.Line, node.Column), message);

    private static string Kind(YamlNode node) => node switch
    {
        YamlList => "list",
        YamlMap => "mapping",
        _ => "value",
    };
}
