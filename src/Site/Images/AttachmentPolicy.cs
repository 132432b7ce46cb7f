using System.Text;

namespace Site.Images;

internal enum AttachmentKind
{
    /// <summary>Copied as it is: PDFs, spreadsheets, documents, audio and video.</summary>
    Publish,
    /// <summary>A raster image, for <see cref="ImageEngine"/>.</summary>
    Image,
    /// <summary>An SVG, published as it is: safe, or let through by allow_html. <see cref="AttachmentDecision.Svg"/> has its size.</summary>
    VectorImage,
    Refused,
    /// <summary>Operating-system litter (.DS_Store, Thumbs.db): never published, not worth an error.</summary>
    Ignored,
}

/// <param name="Reason">Why it is refused or ignored, for the diagnostic; null otherwise.</param>
internal sealed record AttachmentDecision(AttachmentKind Kind, string? Reason, SvgReport? Svg = null);

/// <summary>
/// Decides what happens to a file that sits beside an article. Anything a browser would run (HTML,
/// JavaScript, WebAssembly, XML, an SVG with script) or a server might execute (PHP, CGI) is refused
/// unless the site sets allow_html, and so is any type not listed here. The first bytes must match the
/// extension where a format has a signature, so an HTML page named report.pdf is refused too.
/// </summary>
internal static class AttachmentPolicy
{
    private const int SniffLength = 512;

    private static readonly HashSet<string> Active = new(StringComparer.Ordinal)
    {
        ".html", ".htm", ".xhtml", ".xht", ".shtml", ".hta", ".xml", ".xsl", ".xslt", ".js", ".mjs", ".cjs",
        ".wasm", ".svgz", ".swf", ".php", ".phtml", ".asp", ".aspx", ".jsp", ".cgi", ".pl", ".py", ".rb", ".sh",
    };

    private static readonly HashSet<string> Rasters = new(StringComparer.Ordinal) { ".jpg", ".jpeg", ".png", ".webp", ".gif" };

    private static readonly HashSet<string> Unconverted = new(StringComparer.Ordinal)
    {
        ".avif", ".heic", ".heif", ".bmp", ".tif", ".tiff", ".jxl",
    };

    private static readonly HashSet<string> Litter = new(StringComparer.OrdinalIgnoreCase) { "Thumbs.db", "desktop.ini" };

    public static AttachmentDecision Classify(string path, bool allowHtml) => Classify(path, allowHtml, ImageLimits.Default);

    public static AttachmentDecision Classify(string path, bool allowHtml, ImageLimits limits)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (name.StartsWith('.') || Litter.Contains(name))
        {
            return new AttachmentDecision(AttachmentKind.Ignored, "a hidden or system file is not published");
        }
        if (Rasters.Contains(extension))
        {
            return new AttachmentDecision(AttachmentKind.Image, null);
        }
        if (extension == ".svg")
        {
            return ClassifySvg(path, allowHtml, limits);
        }
        if (Unconverted.Contains(extension))
        {
            return Refuse($"'{extension}' images are not supported: export them as JPEG or PNG");
        }
        if (allowHtml)
        {
            return new AttachmentDecision(AttachmentKind.Publish, null);
        }
        if (Active.Contains(extension))
        {
            return Refuse($"a '{extension}' file can run code in the reader's browser or on the server; set allow_html to publish it");
        }
        if (FileSignature.For(extension) is not { } signature)
        {
            return Refuse(extension.Length == 0
                ? "a file without an extension cannot be published safely"
                : $"'{extension}' is not a type Site publishes (documents, spreadsheets, data, audio, video, images); set allow_html to publish it anyway");
        }
        return CheckContent(path, extension, signature);
    }

    private static AttachmentDecision ClassifySvg(string path, bool allowHtml, ImageLimits limits)
    {
        var report = SvgSafety.Inspect(path, limits);
        if (report.Problem is { } problem)
        {
            return Refuse(problem.Message);
        }
        if (report.Findings.Count == 0 || allowHtml)
        {
            return new AttachmentDecision(AttachmentKind.VectorImage, null, report);
        }
        var first = report.Findings[0];
        var more = report.Findings.Count > 1 ? $" (and {report.Findings.Count - 1} more)" : "";
        return new AttachmentDecision(AttachmentKind.Refused,
            $"the SVG is not safe to publish: line {first.Line}: {first.Message}{more}; set allow_html to publish it anyway", report);
    }

    private static AttachmentDecision CheckContent(string path, string extension, FileSignature signature)
    {
        byte[] head;
        try
        {
            using var stream = File.OpenRead(path);
            head = new byte[Math.Min(SniffLength, stream.Length)];
            stream.ReadExactly(head);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"the file cannot be read: {e.Message}");
        }
        if (LooksLikeMarkup(head))
        {
            return Refuse($"the file is named '{extension}' but holds HTML or XML, which a browser may run");
        }
        return signature.Matches(head)
            ? new AttachmentDecision(AttachmentKind.Publish, null)
            : Refuse($"the file is named '{extension}' but its content is not {signature.Description}");
    }

    /// <summary>The patterns by which browsers sniff HTML and XML (WHATWG MIME Sniffing, "identifying an
    /// unknown MIME type"), after leading whitespace and a byte-order mark.</summary>
    private static bool LooksLikeMarkup(byte[] head)
    {
        var text = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\n', '\r', '\f');
        string[] tags = ["<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table",
            "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--", "<?xml", "<svg"];
        foreach (var tag in tags)
        {
            if (text.StartsWith(tag, StringComparison.OrdinalIgnoreCase)
                && (tag is "<!--" or "<?xml" || text.Length == tag.Length || text[tag.Length] is ' ' or '>' or '\t' or '\n' or '\r' or '\f'))
            {
                return true;
            }
        }
        return false;
    }

    private static AttachmentDecision Refuse(string reason) => new(AttachmentKind.Refused, reason);
}
