using Site.Diagnostics;

namespace Site.Localization;

/// <summary>A mistake in a strings table, or a gap the build should warn about, as data: the build gives it
/// a diagnostic code. Line and column are 1-based; 0 means the whole file.</summary>
internal sealed record StringsProblem(string File, int Line, int Column, Severity Severity, string Message)
{
    public static StringsProblem Error(TablePosition at, string message) => new(at.File, at.Line, at.Column, Severity.Error, message);

    public static StringsProblem Warning(TablePosition at, string message) => new(at.File, at.Line, at.Column, Severity.Warning, message);

    /// <summary>The build's diagnostic for this problem, under the code it gives tables.</summary>
    public Diagnostic ToDiagnostic(string code) => new(File, Line, Column, Severity, code, Message);

    public override string ToString()
    {
        var position = (Line, Column) switch
        {
            (> 0, > 0) => $"({Line},{Column})",
            (> 0, _) => $"({Line})",
            _ => "",
        };
        return $"{File}{position}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
    }
}
