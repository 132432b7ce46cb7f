namespace Site.Tests.Browser;

/// <summary>
/// Browser tests run on their own, after the parallel tests: they measure layout and wait on timers
/// (hover intent, popovers), and a machine busy with fuzzing or load tests would make them flaky.
/// The built sample and fixtures (<see cref="BuiltSite"/>) are shared by every class that reads them: one
/// build of each for the run, not one per class.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "Browser";
}
