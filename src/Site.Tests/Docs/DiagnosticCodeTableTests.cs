using System.Text.RegularExpressions;
using Site.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Docs;

/// <summary>The README's table of diagnostic codes is the catalogue, row for row, so neither can drift.</summary>
public sealed partial class DiagnosticCodeTableTests
{
    [Fact]
    public void The_readme_lists_every_code_of_the_catalogue_and_no_other()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));
        var documented = CodeRow().Matches(readme).Select(m => $"{m.Groups[1].Value} | {m.Groups[2].Value} | {m.Groups[3].Value}").ToList();

        var catalogue = DiagnosticCode.All.Select(c => $"{c.Id} | {(c.Severity == Severity.Error ? "error" : "warning")} | {c.Meaning}").ToList();

        Assert.NotEmpty(documented);
        Assert.Equal(catalogue, documented);
    }

    [Fact]
    public void Codes_are_unique()
    {
        Assert.Equal(DiagnosticCode.All.Count, DiagnosticCode.All.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Code_strings_are_written_only_in_the_catalogue()
    {
        var app = Path.Combine(RepoRoot.Find(), "src", "Site");
        var writers = Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => CodeLiteral().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(app, f).Replace('\\', '/'));

        Assert.Equal(["Diagnostics/DiagnosticCode.cs"], writers);
    }

    [GeneratedRegex(@"^\| (SITE\d{3}) \| (error|warning) \| (.+?) \|$", RegexOptions.Multiline)]
    private static partial Regex CodeRow();

    [GeneratedRegex("\"SITE\\d")]
    private static partial Regex CodeLiteral();
}
