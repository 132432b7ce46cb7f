using System.Text;

namespace Site.Tests.Robustness.Fuzz;

/// <summary>
/// Writes random articles from a small grammar of what authors write, and of what they get wrong: blocks
/// nested in blocks, emphasis, links, images, tables and code; point and phrase annotations, typed notes,
/// fact-checks and citations, mostly consistent (so pages are published and checked), sometimes not;
/// ranges and powers written with '~' and '^' next to annotations; editorial comments holding annotation
/// syntax; text in many scripts, right-to-left marks, combining marks, emoji and control characters.
/// </summary>
/// <param name="messy">Also write the mistakes (junk syntax, script URLs, missing or duplicate notes,
/// incomplete fact-checks); without it most articles are valid, so their pages are published and checked.</param>
internal sealed class MarkdownGrammar(Random random, IReadOnlyList<string> sourceKeys, bool messy)
{
    private static readonly string[] Labels = ["a", "b", "c", "note-1", "x_y", "lpg", "Ω", "заметка", "注", "n2", "A", "ä"];

    private static readonly string[] Words =
    [
        "the", "President", "said", "3,000", "weapons", "unrest", "Almaty", "January", "2022", "figures", "differ",
        "Қаңтар", "Тоқаев", "مرحبا", "بالعالم", "שלום", "漢字", "ニュース", "😀", "👩‍👩‍👧‍👦", "🇰🇿", "👍🏽", "e\u0301", "a\u0308\u0323",
        "Z\u0351\u0300\u0317", "\u200Fright\u200E", "\u202Ereversed\u202C", "\u200Bzero", "\uFEFF", "\u00A0", "tab\there", "\u2028",
        "\u0001", "\u0007", "\u001B[31m", "\u007F", "\u0085", "&amp;", "&#x41;", "&#0;", "&bogus;", "&", "<", ">", "\"", "'",
        "\\[", "\\]", "\\*", "[", "]", "{", "}", "^", "@", "!", "*", "_", "~", "`", "|", "#", "\\", "www.example.org", "https://example.org/a_(b)",
        "desk@example.org", "[]", "[x]",
    ];

    /// <summary>Annotation syntax that does not parse: each is an error, by design. The near misses of a phrase
    /// annotation and an editorial comment left open at the start of a line are among them.</summary>
    private static readonly string[] Junk =
    [
        "[^", "]{^", "{^a}", "[@", "[^ a]", "[^a b]", "[^]", "![^a]", "\\[^a]", "[^a", "[@ x]",
        "[^ a](https://example.org)", "[x] {^a}", "[x]{ ^a}", "[x]{^a }", "[l](https://example.org){^a}", "[^a]{^a}", "{^}", "]{^a", "[ ^a]", "[x]{^a b}",
        "\n<!-- open\n",
    ];

    /// <summary>What news text writes with '~' and '^', which must come out as written, beside annotations.</summary>
    private static readonly string[] Ordinary = ["20~25°C", "18~22", "2^10", "10^3^", "x^2^", "H~2~O", "~approx", "x^y"];

    private readonly HashSet<string> _referenced = [];
    private bool _inNote;
    private bool _inLink;
    private bool _inPhrase;
    private readonly HashSet<string> _phrased = [];
    private int _depth;

    public string Article()
    {
        var text = new StringBuilder();
        var blocks = random.Next(1, 12);
        for (var i = 0; i < blocks; i++)
        {
            Block(text, "");
        }
        Definitions(text);
        return text.ToString();
    }

    private void Block(StringBuilder text, string indent)
    {
        _depth++;
        var kind = _depth > 4 ? 0 : random.Next(12);
        switch (kind)
        {
            case 1:
                text.Append(indent).Append('#', random.Next(1, 7)).Append(' ').Append(Inlines()).Append('\n');
                break;
            case 2:
                var quote = random.Next(1, 3);
                for (var i = 0; i < quote; i++)
                {
                    Block(text, indent + "> ");
                }
                break;
            case 3:
                var ordered = random.Next(2) == 0;
                var items = random.Next(1, 5);
                for (var i = 0; i < items; i++)
                {
                    var marker = ordered ? $"{i + 1}. " : random.Next(3) switch { 0 => "- ", 1 => "* ", _ => "+ " };
                    text.Append(indent).Append(marker).Append(Inlines()).Append('\n');
                    if (random.Next(4) == 0)
                    {
                        Block(text, indent + new string(' ', marker.Length));
                    }
                }
                break;
            case 4:
                var fence = random.Next(2) == 0 ? "```" : "~~~";
                text.Append(indent).Append(fence).Append(random.Next(2) == 0 ? "html" : "").Append('\n')
                    .Append(indent).Append(Inlines()).Append('\n');
                if (!messy || random.Next(5) > 0)
                {
                    text.Append(indent).Append(fence).Append('\n');
                }
                break;
            case 5:
                text.Append(indent).Append("    ").Append(Inlines()).Append('\n');
                break;
            case 6:
                var columns = random.Next(1, 4);
                text.Append(indent).Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(_ => $" {Word()} |"))).Append('\n')
                    .Append(indent).Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(_ => random.Next(3) switch { 0 => ":---|", 1 => "---:|", _ => "---|" }))).Append('\n');
                for (var row = random.Next(0, 4); row > 0; row--)
                {
                    text.Append(indent).Append('|').Append(string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => $" {Inlines(3)} |"))).Append('\n');
                }
                break;
            case 7:
                text.Append(indent).Append(random.Next(3) switch { 0 => "***", 1 => "---", _ => "___" }).Append('\n');
                break;
            case 8:
                text.Append(indent).Append('[').Append(Word()).Append("]: ").Append(Url()).Append(random.Next(2) == 0 ? " \"" + Word() + "\"" : "").Append('\n');
                break;
            case 9 when messy:
                // A note defined in the flow, where it is read as text or refused, never as a note.
                text.Append(indent).Append("[^").Append(Label()).Append("]: ").Append(Inlines()).Append('\n');
                break;
            default:
                var lines = random.Next(1, 4);
                for (var i = 0; i < lines; i++)
                {
                    text.Append(indent).Append(Inlines()).Append(random.Next(6) == 0 ? "  \n" : "\n");
                }
                break;
        }
        if (random.Next(4) > 0)
        {
            text.Append(indent.TrimEnd()).Append('\n');
        }
        _depth--;
    }

    private string Inlines(int most = 12)
    {
        var text = new StringBuilder();
        var count = random.Next(1, most);
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && random.Next(4) > 0)
            {
                text.Append(' ');
            }
            text.Append(Inline());
        }
        return text.ToString();
    }

    private string Inline()
    {
        _depth++;
        var kind = _depth > 6 ? 0 : random.Next(21);
        // Valid articles keep notes out of notes, links and phrases, and links out of links.
        var notes = messy || !(_inNote || _inLink || _inPhrase);
        var links = messy || !_inLink;
        var inline = kind switch
        {
            1 => $"*{Inline()}*",
            2 => $"**{Inline()}**",
            3 => $"_{Inline()}_",
            4 => $"~~{Inline()}~~",
            5 => Ordinary[random.Next(Ordinary.Length)],
            6 => $"`{Word()}`",
            7 when links => $"[{Inside(ref _inLink, Inline)}]({Url()}{(random.Next(3) == 0 ? " \"" + Word() + "\"" : "")})",
            8 when links => $"![{Word()}]({Url()})",
            9 when links => $"<{Url()}>",
            10 or 11 or 12 when notes => Reference(),
            13 or 14 when notes => Phrase(),
            15 when links => $"[{Word()}][{Word()}]",
            16 => $"{Word()}\\\n{Word()}",
            18 when notes => random.Next(2) == 0 ? $"10^3^{Reference()}" : $"[{Ordinary[random.Next(Ordinary.Length)]}]{{^{PhraseLabel()}}}",
            19 => $"<!-- TODO: [^{Label()}] {{^{Label()}}} check -->",
            17 when messy => Junk[random.Next(Junk.Length)],
            _ => Word(),
        };
        _depth--;
        return inline;
    }

    private static string Inside(ref bool flag, Func<string> write)
    {
        var outer = flag;
        flag = true;
        var text = write();
        flag = outer;
        return text;
    }

    private string Reference()
    {
        var label = Label();
        _referenced.Add(label);
        return $"[^{label}]";
    }

    private string PhraseLabel()
    {
        var label = Label();
        _referenced.Add(label);
        _phrased.Add(label);
        return label;
    }

    private string Phrase()
    {
        var label = PhraseLabel();
        return $"[{Inside(ref _inPhrase, () => Inlines(4))}]{{^{label}}}";
    }

    /// <summary>A definition for most of the labels used (some twice, some never), and a few unused ones.</summary>
    private void Definitions(StringBuilder text)
    {
        var labels = _referenced.Concat(random.Next(4) == 0 ? [Label()] : []).Distinct().ToList();
        foreach (var label in labels)
        {
            if (messy && random.Next(12) == 0)
            {
                continue;
            }
            var copies = messy && random.Next(15) == 0 ? 2 : 1;
            for (var copy = 0; copy < copies; copy++)
            {
                text.Append("\n[^").Append(label).Append("]: ").Append(Inside(ref _inNote, () => Note(label))).Append('\n');
                if (random.Next(3) == 0)
                {
                    text.Append('\n').Append(random.Next(2) == 0 ? "    " : "\t").Append(Inside(ref _inNote, () => Inlines())).Append('\n');
                }
                if (random.Next(5) == 0)
                {
                    text.Append("\n    - ").Append(Inside(ref _inNote, () => Inlines(4))).Append("\n    - ").Append(Citation()).Append('\n');
                }
            }
        }
    }

    private string Note(string label) => random.Next(8) switch
    {
        0 => "{context} " + Inlines(6),
        1 => "{definition} " + Inlines(6),
        2 => "{correction} " + Inlines(6),
        3 => $"{{fact-check verdict=\"{Verdict()}\"{(messy && _phrased.Contains(label) && random.Next(2) == 0 ? "" : " claim='A \"claim\"'")}{(random.Next(2) == 0 ? " claimant=\"Some ‮one\"" : "")}}} {Inlines(4)} {Citation()}",
        4 when messy => $"{{fact-check}} {Inlines(3)}",
        5 => Inlines(6) + " " + Citation(),
        _ => Inlines(8),
    };

    private string Verdict() => random.Next(4) switch
    {
        0 => "Disputed",
        1 => "Figures differ</script>",
        2 => "Официально",
        _ => "😀 & <b>",
    };

    private string Citation() => messy && random.Next(10) == 0 ? "[@no-such-source]" : $"[@{sourceKeys[random.Next(sourceKeys.Count)]}]";

    private string Label() => Labels[random.Next(Labels.Length)];

    /// <summary>A word; in valid articles, none of the brackets and carets that could spell "[^" together.</summary>
    private string Word()
    {
        var word = Words[random.Next(Words.Length)];
        return messy || word.AsSpan().IndexOfAny("[]^{}!") < 0 ? word : "plain";
    }

    private string Url() => random.Next(10) switch
    {
        0 => "#" + Word(),
        1 => "../other/",
        2 => "mailto:desk@example.org",
        3 when messy => "javascript:alert(1)",
        4 => "https://example.org/a b",
        5 => "<https://example.org/with space>",
        6 => "https://example.org/?q=" + Word(),
        _ => "https://example.org/" + Word(),
    };
}
