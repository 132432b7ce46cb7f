namespace Site.Tests.LinkHealth;

/// <summary>The system's clock, except that the date can be set: timers and elapsed time stay real, so
/// retries and timeouts behave as in production while a test moves "now" past a cache's age limit.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
