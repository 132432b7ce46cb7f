using Site.Tests.Browser;
using Site.Tests.Publish;
using Xunit.v3;

namespace Site.Tests.Support;

public sealed class RunOrderTests
{
    /// <summary>The collections as xunit makes them for this assembly, so the estimates must find them by the
    /// names xunit gives: a class's own collection, and a shared one (the browser collection, of two classes here).</summary>
    [Fact]
    public void The_longest_collections_start_first_and_the_rest_after_them()
    {
        var factory = new CollectionPerClassTestCollectionFactory((IXunitTestAssembly)TestContext.Current.TestAssembly!);
        string Name(Type type) => factory.Get(type).TestCollectionDisplayName;
        var collections = new[] { typeof(RunOrderTests), typeof(AtomicOutputTests), typeof(NoteLayoutTests), typeof(NativeAotTests), typeof(AccessibilityTests), typeof(LanguagePagesTests) }
            .Select(factory.Get).Distinct().ToList();

        var ordered = new LongestFirst().OrderTestCollections(collections);

        Assert.Equal(
            [Name(typeof(NativeAotTests)), BrowserCollection.Name, Name(typeof(LanguagePagesTests)), Name(typeof(AtomicOutputTests)), Name(typeof(RunOrderTests))],
            ordered.Select(collection => collection.TestCollectionDisplayName));
    }
}
