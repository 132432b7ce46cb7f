namespace Site.Generation;

/// <summary>What to build and how; paths as the user gave them.</summary>
/// <param name="BaseUrl">Overrides base_url from site.yml.</param>
/// <param name="Future">Publish articles dated after <paramref name="Now"/> too.</param>
/// <param name="Now">The instant that decides what is future-dated; null for the clock's.</param>
/// <param name="PageInjection">HTML put before &lt;/body&gt; of every page; the preview server's reload
/// script goes in this way, so it can never reach a published build.</param>
internal sealed record BuildOptions(
    string ContentDir,
    string TemplatesDir,
    string OutputDir,
    bool Drafts = false,
    bool Strict = false,
    Uri? BaseUrl = null,
    string? PageInjection = null,
    bool Future = false,
    DateTimeOffset? Now = null);
