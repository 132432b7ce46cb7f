namespace Site.Tests.Robustness.Fuzz;

/// <summary>Delta debugging (Zeller's ddmin): the smallest input that still fails the same way, found by
/// removing lines, then characters, in ever smaller chunks.</summary>
internal static class Shrinker
{
    public static string Shrink(string input, Func<string, bool> fails, int budget = 3000)
    {
        var lines = Minimize(input.Split('\n').Select(line => line + "\n").ToList(), parts => fails(string.Concat(parts)), ref budget);
        var text = string.Concat(lines);
        var chars = Minimize(text.Select(c => c.ToString()).ToList(), parts => fails(string.Concat(parts)), ref budget);
        return string.Concat(chars);
    }

    private static List<string> Minimize(List<string> parts, Func<List<string>, bool> fails, ref int budget)
    {
        var chunks = 2;
        while (parts.Count >= 2 && budget > 0)
        {
            var size = (int)Math.Ceiling(parts.Count / (double)chunks);
            var reduced = false;
            for (var start = 0; start < parts.Count && budget > 0; start += size)
            {
                var complement = parts.Take(start).Concat(parts.Skip(start + size)).ToList();
                budget--;
                if (complement.Count > 0 && fails(complement))
                {
                    parts = complement;
                    chunks = Math.Max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced)
            {
                if (size == 1)
                {
                    break;
                }
                chunks = Math.Min(chunks * 2, parts.Count);
            }
        }
        return parts;
    }
}
