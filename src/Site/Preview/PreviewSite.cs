using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Diagnostics;
using Site.Generation;

namespace Site.Preview;

/// <summary>One state of the preview: the last good build's files, and the latest build's diagnostics.</summary>
/// <param name="Version">Counts good builds; pages reload when it changes.</param>
internal sealed record PreviewState(IReadOnlyDictionary<string, byte[]> Files, int Version, bool Ok, IReadOnlyList<Diagnostic> Diagnostics)
{
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteBoolean("ok", Ok);
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in Diagnostics.Where(d => !Ok || d.Severity == Severity.Error))
            {
                json.WriteStringValue(diagnostic.ToString());
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>
/// The site as the preview serves it: rebuilt in memory with the same code as <c>site build</c>, with
/// the reload script injected, and swapped in whole so no request ever sees half a build. A failed
/// build keeps the last good files and publishes its diagnostics instead.
/// </summary>
internal sealed class PreviewSite(BuildOptions options, TextWriter log)
{
    public const string ReloadScript = "<script src=\"/__site/live.js\"></script>\n";

    private readonly BuildOptions _options = options with { PageInjection = ReloadScript };
    private readonly RenderCache _cache = new();
    private readonly Lock _buildLock = new();
    private volatile PreviewState _state = new(new Dictionary<string, byte[]>(), 0, false, []);

    public PreviewState State => _state;

    /// <summary>Article pages rendered afresh by the last build; the others came from the cache.</summary>
    public int RenderedLastBuild => _cache.Rendered;

    /// <summary>Raised after every build, good or bad.</summary>
    public event Action<PreviewState>? Changed;

    public BuildResult Rebuild()
    {
        lock (_buildLock)
        {
            var output = new MemoryOutput();
            var result = SiteBuilder.Build(_options, output, _cache);
            var previous = _state;
            _state = result.Published
                ? new PreviewState(output.Files, previous.Version + 1, true, result.Diagnostics)
                : previous with { Ok = false, Diagnostics = result.Diagnostics };
            foreach (var diagnostic in result.Diagnostics)
            {
                log.WriteLine(diagnostic);
            }
            log.WriteLine(FormattableString.Invariant(
                $"{(result.Published ? "Rebuilt" : "Build failed")}: {DiagnosticReport.Counted(_cache.Rendered, "page")} rendered, {DiagnosticReport.Counted(result.Warnings, "warning")}, {DiagnosticReport.Counted(result.Errors, "error")} in {result.Elapsed.TotalMilliseconds:0} ms."));
            Changed?.Invoke(_state);
            return result;
        }
    }
}
