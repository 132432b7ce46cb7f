using Site.Diagnostics;

namespace Site.Generation;

/// <summary>The outcome of a build: what was reported and how many pages were published.</summary>
internal sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PagesWritten, bool Published, TimeSpan Elapsed)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
