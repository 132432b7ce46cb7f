using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>
/// The browser test classes that read the built sample and fixtures (<see cref="BuiltSite"/>): one collection,
/// so there is one build of them for the run, not one per class.
/// </summary>
/// <remarks>
/// It runs among the parallel collections. The browser tests wait for states (an attribute the theme sets,
/// a popover open, Playwright's clock for hover intent), never for a time, and layout does not depend on
/// load, so sharing the cores makes them slower, not red. They still never share the machine with the heavy
/// robustness tests, which run alone after all of these (<see cref="Robustness.HeavyTests"/>). The browser
/// classes with a site of their own (<see cref="LanguagePagesTests"/>, <see cref="TranslationSwitcherTests"/>,
/// <see cref="BundleImageTests"/>, <see cref="Preview.LiveReloadBrowserTests"/>) are not in it: each is a
/// collection of its own, so they run beside this one rather than after it.
/// </remarks>
[CollectionDefinition(Name)]
[StartsFirst(5)]
public sealed class BrowserCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "Browser";
}
