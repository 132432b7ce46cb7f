namespace Site.Tests.Robustness;

/// <summary>
/// Tests that keep both cores busy for seconds at a time (fuzzing, hundreds of pages in a browser, 50,000
/// requests, files of many megabytes) run on their own, after the others: timing-sensitive browser tests
/// must never share the machine with them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Heavy robustness tests";
}
