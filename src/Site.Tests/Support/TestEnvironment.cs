namespace Site.Tests.Support;

/// <summary>What the machine running the tests offers, and what CI demands of it.</summary>
internal static class TestEnvironment
{
    /// <summary>True under CI (the CI variable is set, and not to "false" or "0"; .ci/run sets it): there a
    /// test that needs something the machine lacks fails instead of skipping.</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false" && ci != "0";

    /// <summary>Skips the test with <paramref name="reason"/>, or fails it under CI, where nothing may be skipped.</summary>
    public static void Unavailable(string reason)
    {
        if (IsCi)
        {
            Assert.Fail($"{reason}; CI must run this test");
        }
        Assert.Skip(reason);
    }
}
