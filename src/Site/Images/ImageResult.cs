namespace Site.Images;

/// <summary>How much work one image took: a rebuild of unchanged images does no decode and no encode.</summary>
internal sealed record ImageWork(int Decodes, int Encodes, int CacheHits)
{
    public static readonly ImageWork None = new(0, 0, 0);
}

/// <summary>
/// What the engine made of one image: its variants, or the problem that stopped it. <see cref="Primary"/>
/// are in the source's own family (JPEG, PNG, or WebP); <see cref="WebP"/> is empty unless every WebP
/// variant is smaller than its primary twin, so a page can offer WebP for all widths or for none.
/// </summary>
internal sealed record ImageResult(
    ImageInfo? Info,
    IReadOnlyList<ImageVariant> Primary,
    IReadOnlyList<ImageVariant> WebP,
    ImageProblem? Problem,
    ImageWork Work)
{
    /// <summary>The largest primary variant: the <c>src</c> of an <c>img</c>.</summary>
    public ImageVariant? Fallback => Primary.Count > 0 ? Primary[^1] : null;

    public IEnumerable<ImageVariant> All => Primary.Concat(WebP);

    public static ImageResult Failed(ImageProblem problem, ImageInfo? info = null, ImageWork? work = null) =>
        new(info, [], [], problem, work ?? ImageWork.None);
}
