namespace Site.Tests.Support;

internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts the whole list: each diagnostic starts exactly with its <c>Where</c>, such as
    /// <c>content/a.md(3,7): error SITE005:</c>, and its message contains <c>Says</c>. Positions and codes
    /// are the contract; the wording of messages may improve without breaking tests.
    /// </summary>
    public static void Exactly(IReadOnlyList<string> actual, params (string Where, string Says)[] expected)
    {
        var report = $"Actual diagnostics:\n{(actual.Count == 0 ? "(none)" : string.Join("\n", actual))}";
        Assert.True(expected.Length == actual.Count, $"expected {expected.Length} diagnostic(s), got {actual.Count}.\n{report}");
        for (var i = 0; i < expected.Length; i++)
        {
            var (where, says) = expected[i];
            Assert.True(actual[i].StartsWith(where + " ", StringComparison.Ordinal), $"diagnostic {i + 1} should start with '{where}'.\n{report}");
            Assert.True(actual[i].Contains(says, StringComparison.Ordinal), $"diagnostic {i + 1} should say '{says}'.\n{report}");
        }
    }
}
