namespace Site.Tests.Robustness;

/// <summary>
/// Tests that keep both cores busy for seconds at a time (fuzzing, hundreds of pages in a browser, 50,000
/// requests, files of many megabytes) run one after another, beside the other parallel tests. They never share
/// the machine with the timing-sensitive browser tests: those run alone, after every parallel collection
/// (<see cref="Browser.BrowserCollection"/>). None of them asserts a time, so sharing the cores with the other
/// parallel tests only stretches them, and the suite no longer waits for them on their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyTests
{
    public const string Name = "Heavy robustness tests";
}
