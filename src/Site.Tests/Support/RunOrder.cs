using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

// Three collections at a time on CI's two cores: much of a collection's time is spent waiting on a child
// process (dotnet publish or pack, a site build, Chromium), so a third one keeps the cores busy meanwhile.
[assembly: Parallelization(MaxThreads = 3)]
[assembly: TestCollectionOrderer(typeof(Site.Tests.Support.LongestFirst))]

namespace Site.Tests.Support;

/// <summary>
/// Marks a test class (or a collection definition) whose collection takes minutes, with a rough estimate of
/// how many on CI: <see cref="LongestFirst"/> starts the longest collections first.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class StartsFirstAttribute(int minutes) : Attribute
{
    public int Minutes { get; } = minutes;
}

/// <summary>
/// Starts the parallel collections longest first, by their <see cref="StartsFirstAttribute"/> estimates, and
/// the rest after them in xunit's own order. xunit's order is random, and a collection of eight minutes that
/// happened to start last ran on alone for minutes after every other one had finished. The collections that
/// disable parallelization still run after all of these, in this order.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection
    {
        var minutes = EstimatesByCollection(typeof(LongestFirst).Assembly);
        // OrderByDescending is stable: collections without an estimate keep xunit's order among themselves.
        return [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections)
            .OrderByDescending(collection => minutes.GetValueOrDefault(collection.TestCollectionDisplayName))];
    }

    /// <summary>The estimates by collection name, summed over the classes a collection holds.</summary>
    private static Dictionary<string, int> EstimatesByCollection(Assembly assembly)
    {
        var minutes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (type.GetCustomAttribute<StartsFirstAttribute>() is { } estimate)
            {
                var name = CollectionName(type);
                minutes[name] = minutes.GetValueOrDefault(name) + estimate.Minutes;
            }
        }
        return minutes;
    }

    /// <summary>The collection a class defines or belongs to, named as xunit names it.</summary>
    private static string CollectionName(Type type) =>
        type.GetCustomAttribute<CollectionDefinitionAttribute>() is { } definition
            ? definition.Name ?? CollectionAttribute.GetCollectionNameForType(type)
            : type.GetCustomAttributes().OfType<ICollectionAttribute>().FirstOrDefault()?.Name ?? CollectionAttribute.GetCollectionNameForType(type);
}
