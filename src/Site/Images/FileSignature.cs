using System.Text;

namespace Site.Images;

/// <summary>How the first bytes of a published attachment must look for its extension.</summary>
internal sealed record FileSignature(string Description, Func<byte[], bool> Matches)
{
    private static readonly FileSignature Pdf = Starts("a PDF document", "%PDF-"u8.ToArray());
    private static readonly FileSignature Zip = Starts("a ZIP-based document (Office Open XML, OpenDocument, EPUB, ZIP)", [0x50, 0x4B, 0x03, 0x04]);
    private static readonly FileSignature Ole = Starts("a legacy Office document", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    private static readonly FileSignature Rtf = Starts("an RTF document", "{\\rtf"u8.ToArray());
    private static readonly FileSignature Mp3 = new("MP3 audio", h => h.AsSpan().StartsWith("ID3"u8) || (h.Length >= 2 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0));
    private static readonly FileSignature IsoMedia = new("MP4/QuickTime media", h => h.Length >= 8 && h.AsSpan(4, 4).SequenceEqual("ftyp"u8));
    private static readonly FileSignature Matroska = Starts("WebM/Matroska media", [0x1A, 0x45, 0xDF, 0xA3]);
    private static readonly FileSignature Ogg = Starts("Ogg media", "OggS"u8.ToArray());
    private static readonly FileSignature Wave = new("WAV audio", h => h.Length >= 12 && h.AsSpan().StartsWith("RIFF"u8) && h.AsSpan(8, 4).SequenceEqual("WAVE"u8));
    private static readonly FileSignature Flac = Starts("FLAC audio", "fLaC"u8.ToArray());
    private static readonly FileSignature WebVtt = new("WebVTT captions", h => Encoding.UTF8.GetString(h).TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal));
    // Text has no signature; what matters is that it is not markup, which every attachment is checked for.
    private static readonly FileSignature Text = new("text", _ => true);

    public static FileSignature? For(string extension) => extension switch
    {
        ".pdf" => Pdf,
        ".docx" or ".xlsx" or ".pptx" or ".odt" or ".ods" or ".odp" or ".epub" or ".zip" => Zip,
        ".doc" or ".xls" or ".ppt" => Ole,
        ".rtf" => Rtf,
        ".mp3" => Mp3,
        ".mp4" or ".m4a" or ".m4v" or ".mov" => IsoMedia,
        ".webm" or ".mkv" => Matroska,
        ".ogg" or ".oga" or ".ogv" or ".opus" => Ogg,
        ".wav" => Wave,
        ".flac" => Flac,
        ".vtt" => WebVtt,
        ".txt" or ".csv" or ".tsv" or ".json" or ".geojson" or ".srt" or ".ics" => Text,
        _ => null,
    };

    private static FileSignature Starts(string description, byte[] magic) => new(description, h => h.AsSpan().StartsWith(magic));
}
