namespace Site.Markdown.Figures;

/// <summary>A file the build copies into the output: an image variant from the image cache, or a bundle's attachment.</summary>
/// <param name="OutputPath">Relative to the output folder, with '/'.</param>
internal sealed record PublishedFile(string Source, string OutputPath);

/// <summary>One width of an image, as a <c>srcset</c> candidate: its URL relative to the page.</summary>
internal sealed record ImageCandidate(string Url, int Width);

/// <summary>
/// A local image as the page shows it: the files made of it and what its <c>img</c> needs. The size is the
/// largest variant's, so the browser reserves the right box before any byte arrives.
/// </summary>
/// <param name="Candidates">In the source's own format, narrowest first; the last is the <c>src</c>.</param>
/// <param name="WebP">The same widths in WebP, or empty when WebP is not smaller.</param>
internal sealed record PublishedImage(int Width, int Height, IReadOnlyList<ImageCandidate> Candidates, IReadOnlyList<ImageCandidate> WebP, IReadOnlyList<PublishedFile> Files)
{
    public string Src => Candidates[^1].Url;
}

/// <summary>Turns a local image of an article into its published files, or reports why it cannot be
/// published at <paramref name="at"/> and returns null.</summary>
/// <param name="url">The image's path as written in the Markdown.</param>
internal delegate PublishedImage? ImageResolver(string url, Diagnostics.FilePosition at, Diagnostics.DiagnosticBag diagnostics);
