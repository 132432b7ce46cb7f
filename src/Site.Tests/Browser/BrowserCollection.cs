namespace Site.Tests.Browser;

/// <summary>
/// Browser tests run on their own, after the parallel tests: they measure layout and wait on timers
/// (hover intent, popovers), and a machine busy with fuzzing or load tests would make them flaky.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
