namespace Site.Diagnostics;

internal enum DiagnosticFormat
{
    /// <summary>Compiler style, one per line on stderr: <c>file(line,col): error CODE: message</c>.</summary>
    Text,

    /// <summary>One JSON document on stdout with every diagnostic and the summary.</summary>
    Json,

    /// <summary>GitHub Actions workflow commands, which annotate the pull request.</summary>
    Github,
}
