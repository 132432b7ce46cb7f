using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Site.Benchmarks.Corpus;

/// <summary>What one article is about: its sentences keep coming back to the same place, topic and people.</summary>
internal sealed record Focus(string Place, string Topic, string Org, string Name, string Last, string Role, string Group);

/// <summary>Fills sentence templates from <see cref="Vocabulary"/>, deterministically for a given generator.</summary>
internal sealed partial class Prose(Prng rng, Focus focus)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public Prng Rng { get; } = rng;

    public Focus Focus { get; } = focus;

    public static Focus NewFocus(Prng rng)
    {
        var last = rng.Pick(Vocabulary.LastNames);
        return new Focus(
            rng.Pick(Vocabulary.Places),
            rng.Pick(Vocabulary.Topics),
            rng.Pick(Vocabulary.Organisations),
            rng.Pick(Vocabulary.FirstNames) + " " + last,
            last,
            rng.Pick(Vocabulary.Roles),
            rng.Pick(Vocabulary.Groups));
    }

    /// <summary>The template with every {slot} filled, its first letter capitalised.</summary>
    public string Fill(string template) => Capitalise(Slot().Replace(template, m => Value(m.Groups[1].Value)));

    public static string Capitalise(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return char.IsUpper(text[i]) ? text : string.Concat(text.AsSpan(0, i), char.ToUpperInvariant(text[i]).ToString(), text.AsSpan(i + 1));
            }
            if (char.IsDigit(text[i]))
            {
                return text;
            }
        }
        return text;
    }

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    /// <summary>lowercase-words-with-hyphens, ASCII letters and digits only.</summary>
    public static string Slugify(string text, int maxWords)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                word.Append(c);
            }
            else if (c is '\'' or '’')
            {
                // don't → dont
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return string.Join('-', words.Take(maxWords));
    }

    private string Value(string slot) => slot switch
    {
        "name" => Rng.Chance(0.5) ? Focus.Name : Rng.Pick(Vocabulary.FirstNames) + " " + Rng.Pick(Vocabulary.LastNames),
        "Last" => Focus.Last,
        "role" => Rng.Chance(0.5) ? Focus.Role : Rng.Pick(Vocabulary.Roles),
        "org" => Rng.Chance(0.5) ? Focus.Org : Rng.Pick(Vocabulary.Organisations),
        "Org" => WithoutArticle(Rng.Chance(0.6) ? Focus.Org : Rng.Pick(Vocabulary.Organisations)),
        "place" or "Place" => Rng.Chance(0.5) ? Focus.Place : Rng.Pick(Vocabulary.Places),
        "place2" => Rng.Pick(Vocabulary.Places),
        "region" => Rng.Pick(Vocabulary.Regions),
        "topic" => Rng.Chance(0.6) ? Focus.Topic : Rng.Pick(Vocabulary.Topics),
        "group" => Rng.Chance(0.5) ? Focus.Group : Rng.Pick(Vocabulary.Groups),
        "Groups" => Capitalise(Rng.Chance(0.5) ? Focus.Group : Rng.Pick(Vocabulary.Groups)),
        "people" => Rng.Pick(Vocabulary.PeopleNouns),
        "past" => Rng.Pick(Vocabulary.PastChanges),
        "pastp" => Rng.Pick(Vocabulary.PastParticiples),
        "days" => Rng.Pick(new[] { "30", "45", "60", "90" }),
        "future" => Rng.Pick(Vocabulary.FutureChanges),
        "percent" or "percent2" => Rng.Range(2, 68).ToString(Invariant) + "%",
        "small" => "0." + Rng.Range(1, 9).ToString(Invariant),
        "number" => Number(),
        "money" => Money(),
        "month" => Rng.Pick(Vocabulary.Months),
        "day" => Rng.Range(1, 28).ToString(Invariant),
        "year" => Rng.Range(2012, 2024).ToString(Invariant),
        "weekday" => Rng.Pick(Vocabulary.Weekdays),
        "season" => Rng.Pick(Vocabulary.Seasons),
        "span" => Rng.Pick(Vocabulary.Spans),
        "quote" => Rng.Pick(Vocabulary.Quotes),
        "outlet" => Rng.Pick(Vocabulary.Outlets),
        "project" => Rng.Pick(Vocabulary.Projects),
        "problem" => Rng.Pick(Vocabulary.Problems),
        "finding" => Rng.Pick(Vocabulary.Findings),
        "reason" => Rng.Pick(Vocabulary.Reasons),
        "policy" => Rng.Pick(Vocabulary.PolicyActions),
        "adj" => Rng.Pick(Vocabulary.Adjectives),
        "state" => Rng.Pick(Vocabulary.States),
        "event" => Rng.Pick(Vocabulary.Events),
        "demand" => Rng.Pick(Vocabulary.Demands),
        "complaint" => Rng.Pick(Vocabulary.Complaints),
        "dismissal" => Rng.Pick(Vocabulary.Dismissals),
        "document" => Rng.Pick(Vocabulary.Documents),
        "votes" => Rng.Range(61, 104).ToString(Invariant),
        "votes2" => Rng.Range(9, 40).ToString(Invariant),
        _ => throw new InvalidOperationException($"unknown template slot {{{slot}}}"),
    };

    private static string WithoutArticle(string name) => name.StartsWith("the ", StringComparison.Ordinal) ? name[4..] : name;

    private string Number() => Rng.Next(4) switch
    {
        0 => Rng.Range(12, 950).ToString(Invariant),
        1 => Rng.Range(1, 99).ToString(Invariant) + "," + Rng.Range(0, 9).ToString(Invariant) + "00",
        2 => Rng.Range(100, 900).ToString(Invariant) + ",000",
        _ => Rng.Range(2, 9).ToString(Invariant) + "." + Rng.Range(1, 9).ToString(Invariant) + " million",
    };

    private string Money() => Rng.Next(3) switch
    {
        0 => "$" + Rng.Range(2, 90).ToString(Invariant) + " million",
        1 => "$" + Rng.Range(1, 9).ToString(Invariant) + "." + Rng.Range(1, 9).ToString(Invariant) + " billion",
        _ => Rng.Range(12, 480).ToString(Invariant) + " billion tenge",
    };

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Slot();
}
