namespace Site.Images;

/// <summary>
/// An image as a reader sees it. <see cref="Width"/> and <see cref="Height"/> are as displayed, that is
/// after the EXIF orientation (a portrait phone photo stored sideways has Width &lt; Height).
/// </summary>
/// <param name="Orientation">The EXIF orientation, 1 (as stored) to 8.</param>
internal sealed record ImageInfo(ImageFormat Format, int Width, int Height, long ByteSize, int Orientation, int FrameCount)
{
    public bool IsAnimated => FrameCount > 1;

    /// <summary>Orientations 5 to 8 turn the image a quarter: stored width becomes displayed height.</summary>
    public bool IsTransposed => Orientation >= 5;

    public int StoredWidth => IsTransposed ? Height : Width;

    public int StoredHeight => IsTransposed ? Width : Height;
}
