using System.Text;

namespace Site.Tests.Robustness.Fuzz;

/// <summary>
/// One fuzz case: an article file written by <see cref="MarkdownGrammar"/> (7 cases in 10, half of those
/// messy) or the sample article mutated by <see cref="Mutator"/> (3 in 10). Every case has a seed of its
/// own, so it can be made again alone, whatever ran before it; the benchmarks' worst cases make the same
/// documents (this file and the two it uses are linked into src/Site.Benchmarks).
/// </summary>
/// <param name="Text">The file, when the grammar wrote it.</param>
/// <param name="Mutated">The file, when it was mutated: its bytes need not be UTF-8.</param>
internal sealed record FuzzCase(int Number, string? Text, byte[]? Mutated)
{
    /// <summary>The seed of the test's run (SITE_FUZZ_SEED chooses another) and of the benchmarks' documents.</summary>
    public const int DefaultSeed = 20240104;

    /// <summary>The front matter of generated articles: a few sources, which their citations refer to.</summary>
    public const string FrontMatter = """
        ---
        title: "A generated article"
        date: 2024-01-02
        sources:
          src-a: {title: "Source A", publisher: "Publisher A", url: "https://example.org/a", date: 2022-01}
          src-b: {title: "Source B", publisher: "Publisher B", url: "https://example.org/b"}
          src.c_d: {title: "Source C", publisher: "Publisher C", url: "https://example.org/c", date: 2022}
        ---

        """;

    public static readonly IReadOnlyList<string> SourceKeys = ["src-a", "src-b", "src.c_d"];

    public static FuzzCase Make(int seed, int number, byte[] sample)
    {
        var random = new Random(unchecked((seed * 1_000_003) + number));
        return number % 10 < 7
            ? new(number, FrontMatter + new MarkdownGrammar(random, SourceKeys, messy: number % 10 >= 5).Article(), null)
            : new(number, null, new Mutator(random).Mutate(sample));
    }

    public byte[] Bytes => Mutated ?? Encoding.UTF8.GetBytes(Text!);

    /// <summary>The file as text, for a failure message or a saved regression.</summary>
    public string Display => Text ?? Encoding.UTF8.GetString(Mutated!);
}
