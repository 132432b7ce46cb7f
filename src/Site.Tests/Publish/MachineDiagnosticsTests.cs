using System.Text.Json;
using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>--diagnostics json and github, read back field by field as a pipeline would (issue 5).</summary>
public sealed partial class MachineDiagnosticsTests
{
    private const string Broken = "---\ntitle: Broken\ndate: 2024-01-02\nslugg: x\n---\nA ref[^missing], a [bad link](javascript:alert(1)).\n\n[^unused]: Never used.\n";

    [Fact]
    public async Task Json_is_one_document_with_every_diagnostic_and_the_summary()
    {
        using var site = new TestSite().With("content/x.md", Broken);
        var run = await site.RunAsync("build", "--diagnostics", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(4, diagnostics.Count);
        var first = diagnostics[0];
        Assert.Equal("content/x.md", first.GetProperty("file").GetString());
        Assert.Equal(4, first.GetProperty("line").GetInt32());
        Assert.Equal(1, first.GetProperty("column").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("SITE003", first.GetProperty("code").GetString());
        Assert.StartsWith("unknown front matter key 'slugg'", first.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["SITE003@4:1", "SITE012@6:6", "SITE020@6:20", "SITE014@8:1"],
            diagnostics.Select(d => $"{d.GetProperty("code").GetString()}@{d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}"));
        Assert.Equal("warning", diagnostics[3].GetProperty("severity").GetString());

        var summary = json.RootElement.GetProperty("summary");
        Assert.False(summary.GetProperty("published").GetBoolean());
        Assert.Equal(3, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(0, summary.GetProperty("pages").GetInt32());
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Json_on_success_has_no_diagnostics_and_counts_the_pages()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article()).With("content/b.md", TestSite.Article());
        var run = await site.RunAsync("build", "--diagnostics", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Empty(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("published").GetBoolean());
        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("pages").GetInt32());
    }

    [Fact]
    public async Task Github_writes_one_workflow_command_per_diagnostic()
    {
        using var site = new TestSite().With("content/x.md", Broken);
        var run = await site.RunAsync("build", "--diagnostics", "github");

        Assert.Equal(1, run.ExitCode);
        var commands = run.StdoutLines.Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, commands.Count);
        var parsed = commands.Select(c => Command().Match(c)).ToList();
        Assert.All(parsed, m => Assert.True(m.Success));
        Assert.Equal(["error", "error", "error", "warning"], parsed.Select(m => m.Groups["kind"].Value));
        var missing = parsed[1];
        Assert.Equal("content/x.md", missing.Groups["file"].Value);
        Assert.Equal("6", missing.Groups["line"].Value);
        Assert.Equal("6", missing.Groups["col"].Value);
        Assert.Equal("SITE012", missing.Groups["title"].Value);
        Assert.Equal("annotation [^missing] has no definition", missing.Groups["message"].Value);
        // The message keeps its own colons: only properties escape them.
        Assert.Contains("'javascript:alert(1)'", parsed[2].Groups["message"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_prints_nothing_on_success_and_only_problems_otherwise()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article());
        var quiet = await site.RunAsync("build", "--quiet");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Empty(quiet.Stdout);
        Assert.Empty(quiet.Stderr);

        site.With("content/a.md", TestSite.Article("Oops[^x].\n"));
        var failed = await site.RunAsync("build", "--quiet");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("error SITE012", failed.Stderr);
    }

    [GeneratedRegex("^::(?<kind>error|warning) file=(?<file>[^,]+),line=(?<line>\\d+),col=(?<col>\\d+),title=(?<title>[^:]+)::(?<message>.*)$")]
    private static partial Regex Command();
}
