namespace Site.Diagnostics;

internal enum Severity
{
    Warning,
    Error,
}

/// <summary>One problem found in the site. Line and column are 1-based and count from the top of the file,
/// front matter included; 0 means "unknown" (a file-level problem). The message shows invisible and bidi
/// characters escaped, whatever it quotes, in every format.</summary>
internal sealed record Diagnostic(string File, int Line, int Column, Severity Severity, string Code, string Message)
{
    public string Message { get; init => field = VisibleText.Escape(value); } = VisibleText.Escape(Message);

    public Diagnostic(DiagnosticCode code, FilePosition at, string message)
        : this(at.File, at.Line, at.Column, code.Severity, code.Id, message)
    {
    }

    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var position = (Line, Column) switch
        {
            (> 0, > 0) => $"({Line},{Column})",
            (> 0, _) => $"({Line})",
            _ => "",
        };
        return $"{File}{position}: {severity} {Code}: {Message}";
    }
}
