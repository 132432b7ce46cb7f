namespace Site.Benchmarks.Corpus;

/// <summary>SplitMix64: a small, fast generator whose sequence is fixed by its seed on every machine and
/// runtime (System.Random's seeded sequence is an implementation detail).</summary>
internal sealed class Prng(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one item of a set, independent of how many items come before it.</summary>
    public static Prng For(ulong seed, int index, ulong stream = 0) =>
        new(Mix(seed ^ Mix((ulong)index + 1) ^ Mix(stream + 0x51ED_270B_27A2_4C3DUL)));

    public ulong NextUInt64()
    {
        _state += 0x9E37_79B9_7F4A_7C15UL;
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; <paramref name="max"/>.</summary>
    public int Next(int max) => (int)(NextUInt64() % (ulong)max);

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="maxInclusive"/>.</summary>
    public int Range(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary><paramref name="count"/> distinct items, in a random order.</summary>
    public List<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var copy = items.ToList();
        Shuffle(copy);
        return copy.Take(Math.Min(count, copy.Count)).ToList();
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
