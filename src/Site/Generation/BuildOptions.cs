namespace Site.Generation;

/// <summary>What to build and how; paths as the user gave them.</summary>
/// <param name="BaseUrl">Overrides base_url from site.yml.</param>
internal sealed record BuildOptions(
    string ContentDir,
    string TemplatesDir,
    string OutputDir,
    bool Drafts = false,
    bool Strict = false,
    Uri? BaseUrl = null);
