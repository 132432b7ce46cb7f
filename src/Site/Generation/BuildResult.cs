using Site.Diagnostics;

namespace Site.Generation;

/// <summary>The outcome of a build: what was reported and how many pages and other files were published.</summary>
internal sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PagesWritten, bool Published, TimeSpan Elapsed)
{
    public int OtherFilesWritten { get; init; }

    /// <summary>Drafts checked but not published, as the build was run without --drafts.</summary>
    public int DraftsHeldBack { get; init; }

    /// <summary>Articles dated in the future, checked but not published, as the build was run without --future.</summary>
    public int FutureHeldBack { get; init; }

    /// <summary>A build is published when it has no errors, and with <paramref name="strict"/> no warnings either.</summary>
    public static BuildResult Of(DiagnosticBag diagnostics, int pages, bool strict, TimeSpan elapsed, int otherFiles = 0)
    {
        var all = diagnostics.ToSortedList();
        var published = !diagnostics.HasErrors && !(strict && all.Count > 0);
        return new BuildResult(all, published ? pages : 0, published, elapsed) { OtherFilesWritten = published ? otherFiles : 0 };
    }

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
