namespace Site.Generation;

/// <summary>What to build and how; paths as the user gave them.</summary>
internal sealed record BuildOptions(string ContentDir, string TemplatesDir, string OutputDir, bool Drafts = false, bool Strict = false);
