namespace Site.Images;

internal enum ImageProblemKind
{
    /// <summary>The file is missing or cannot be read.</summary>
    Unreadable,
    Empty,
    /// <summary>Not an image in a format we read (a text file named .jpg, a BMP, a HEIC).</summary>
    NotAnImage,
    /// <summary>An image, but in another format than its extension says (a PNG named .jpg).</summary>
    WrongExtension,
    /// <summary>Its header is fine but its data is damaged or cut short.</summary>
    Corrupt,
    FileTooLarge,
    TooManyPixels,
    TooWide,
    /// <summary>An animated image wider than the largest variant: it cannot be resized, so it is refused.</summary>
    AnimationTooWide,
    /// <summary>The cache folder cannot be written: a machine problem, not the image's.</summary>
    CacheFailed,
}

/// <summary>What is wrong with one image, as data: the caller turns it into a positioned diagnostic.</summary>
internal sealed record ImageProblem(ImageProblemKind Kind, string Message);
