namespace Site.Diagnostics;

/// <summary>The known name a typo probably meant, for every message about an unknown name: front matter and
/// site.yml keys, strings-table keys, options, placeholders, kinds, verdicts.</summary>
internal static class DidYouMean
{
    /// <summary>The candidate nearest <paramref name="name"/>, ignoring case, at most <paramref name="edits"/>
    /// edits away; the first of equals in the candidates' order. A candidate equal to the name is none.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates, int edits = 2)
    {
        var lower = name.ToLowerInvariant();
        string? best = null;
        var bestDistance = edits + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(lower, candidate.ToLowerInvariant());
            if (distance < bestDistance && candidate != name)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best;
    }

    /// <summary>" (did you mean 'x'?)" to append to a message, or nothing.</summary>
    public static string Hint(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } near ? $" (did you mean '{near}'?)" : "";

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of one character.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
