using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Site.Diagnostics;

/// <summary>Prints a build's diagnostics and summary in the format a person or a pipeline asked for.</summary>
internal static class DiagnosticReport
{
    /// <param name="Headline">Replaces "Build wrote N pages to DIR" for a command that writes nothing (check).</param>
    public sealed record Summary(bool Published, int Pages, int Warnings, int Errors, TimeSpan Elapsed, string Output, string? Headline = null)
    {
        /// <summary>Files written besides the pages: feed, sitemap, robots.txt, annotations.json, assets.</summary>
        public int OtherFiles { get; init; }

        public int DraftsHeldBack { get; init; }

        public int FutureHeldBack { get; init; }
    }

    /// <summary>"1 page", "2 pages", "0 errors": English, as every message of the command line is.</summary>
    public static string Counted(int count, string noun) =>
        FormattableString.Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    public static void Write(DiagnosticFormat format, bool quiet, IReadOnlyList<Diagnostic> diagnostics, Summary summary, TextWriter stdout, TextWriter stderr)
    {
        switch (format)
        {
            case DiagnosticFormat.Json:
                stdout.WriteLine(Json(diagnostics, summary));
                return;
            case DiagnosticFormat.Github:
                foreach (var diagnostic in diagnostics)
                {
                    stdout.WriteLine(GithubCommand(diagnostic));
                }
                break;
            default:
                foreach (var diagnostic in diagnostics)
                {
                    stderr.WriteLine(diagnostic);
                }
                break;
        }
        if (!quiet || !summary.Published)
        {
            var headline = summary.Headline
                ?? (summary.Published ? $"Build wrote {Written(summary)}" : $"Build failed; {summary.Output} was left unchanged");
            stdout.WriteLine(FormattableString.Invariant(
                $"{headline}: {Counted(summary.Warnings, "warning")}, {Counted(summary.Errors, "error")} in {summary.Elapsed.TotalMilliseconds:0} ms."));
        }
    }

    private static string Written(Summary summary)
    {
        var written = summary.OtherFiles == 0 ? Counted(summary.Pages, "page") : $"{Counted(summary.Pages, "page")} and {Counted(summary.OtherFiles, "other file")}";
        List<string> heldBack = [];
        if (summary.DraftsHeldBack > 0)
        {
            heldBack.Add($"{Counted(summary.DraftsHeldBack, "draft")} (--drafts)");
        }
        if (summary.FutureHeldBack > 0)
        {
            heldBack.Add($"{Counted(summary.FutureHeldBack, "future-dated article")} (--future)");
        }
        return heldBack.Count == 0 ? $"{written} to {summary.Output}" : $"{written} to {summary.Output}, holding back {string.Join(" and ", heldBack)}";
    }

    public static string Json(IReadOnlyList<Diagnostic> diagnostics, Summary summary)
    {
        using var buffer = new MemoryStream();
        // The default encoder escapes <, > and & too, so the document is safe to paste anywhere.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("file", d.File);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteBoolean("published", summary.Published);
            json.WriteNumber("pages", summary.Pages);
            json.WriteNumber("other_files", summary.OtherFiles);
            json.WriteNumber("drafts_held_back", summary.DraftsHeldBack);
            json.WriteNumber("future_held_back", summary.FutureHeldBack);
            json.WriteNumber("warnings", summary.Warnings);
            json.WriteNumber("errors", summary.Errors);
            json.WriteNumber("elapsed_ms", Math.Round(summary.Elapsed.TotalMilliseconds));
            json.WriteString("output", summary.Output);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A workflow command, escaped as GitHub's runner expects (%, CR and LF everywhere; also , and : in properties).</summary>
    public static string GithubCommand(Diagnostic d)
    {
        var command = d.Severity == Severity.Error ? "error" : "warning";
        var properties = new StringBuilder($"file={Property(d.File)}");
        if (d.Line > 0)
        {
            properties.Append(CultureInfo.InvariantCulture, $",line={d.Line}");
        }
        if (d.Column > 0)
        {
            properties.Append(CultureInfo.InvariantCulture, $",col={d.Column}");
        }
        properties.Append($",title={Property(d.Code)}");
        return $"::{command} {properties}::{Data(d.Message)}";
    }

    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
