using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Site.Images;

/// <summary>
/// Reads an SVG as XML, never as a DTD (no external entities, no entity expansion), and reports each
/// construct a browser would run or fetch when the file is opened: scripts, event attributes, script and
/// non-image data URLs, references to other files, HTML or plug-in content, and DOCTYPE declarations.
/// The common bare DOCTYPE of SVG 1.1 exports (a public identifier, no declarations) is allowed.
/// </summary>
internal static partial class SvgSafety
{
    private static readonly string[] ForeignElements = ["foreignObject", "iframe", "embed", "object", "handler", "listener"];

    public static SvgReport Inspect(string path, ImageLimits limits)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                return Failed(ImageProblemKind.FileTooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"the file is {length:N0} bytes, over the limit of {limits.MaxFileBytes:N0}"));
            }
            return InspectText(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(ImageProblemKind.Unreadable, $"the file cannot be read: {e.Message}");
        }
    }

    public static SvgReport InspectText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Failed(ImageProblemKind.Empty, "the file is empty");
        }
        var findings = new List<SvgFinding>();
        // Blanked rather than removed, so line and column numbers stay those of the file.
        var xml = BareDoctype().Replace(text, match => new string(' ', match.Length));
        using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings(xml.Length));
        try
        {
            return Walk(reader, findings);
        }
        catch (XmlException) when (xml.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) is >= 0 and var at)
        {
            // The reader stops at a prohibited DTD without a position; the file's own text has it.
            var line = 1 + xml.AsSpan(0, at).Count('\n');
            var column = at - xml.LastIndexOf('\n', Math.Max(0, at - 1));
            findings.Add(new SvgFinding(SvgFindingKind.Doctype,
                "a DOCTYPE with declarations (<!ENTITY …>) can expand into gigabytes or read other files", line, column));
            return new SvgReport(null, null, findings, null);
        }
        catch (XmlException e)
        {
            return Failed(ImageProblemKind.Corrupt, $"the SVG is not well-formed XML: {e.Message}");
        }
    }

    private static SvgReport Walk(XmlReader reader, List<SvgFinding> findings)
    {
        var line = (IXmlLineInfo)reader;
        var open = new Stack<string>();
        (double? Width, double? Height) size = (null, null);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (open.Count == 0)
                    {
                        if (reader.LocalName != "svg")
                        {
                            return Failed(ImageProblemKind.NotAnImage, $"the root element is <{reader.Name}>, not <svg>");
                        }
                        size = SvgSize.Of(reader.GetAttribute("width"), reader.GetAttribute("height"), reader.GetAttribute("viewBox"));
                    }
                    CheckElement(reader, line, findings);
                    if (!reader.IsEmptyElement)
                    {
                        open.Push(reader.LocalName);
                    }
                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA when open.TryPeek(out var parent) && parent == "style":
                    CheckCss(reader.Value, line, findings);
                    break;
                case XmlNodeType.ProcessingInstruction when reader.Name == "xml-stylesheet":
                    Add(findings, SvgFindingKind.ExternalReference, "an <?xml-stylesheet?> instruction loads a stylesheet", line);
                    break;
            }
        }
        return new SvgReport(size.Width, size.Height, findings, null);
    }

    private static void CheckElement(XmlReader reader, IXmlLineInfo line, List<SvgFinding> findings)
    {
        var element = reader.LocalName;
        if (element == "script")
        {
            Add(findings, SvgFindingKind.Script, "a <script> element runs when the file is opened", line);
        }
        else if (ForeignElements.Contains(element))
        {
            Add(findings, SvgFindingKind.ForeignContent, $"a <{element}> element embeds HTML or plug-in content", line);
        }
        var animated = reader.GetAttribute("attributeName");
        if (element is "animate" or "set" && animated is not null && animated.EndsWith("href", StringComparison.OrdinalIgnoreCase))
        {
            Add(findings, SvgFindingKind.Script, $"<{element}> changes a link target, a known way to slip in script", line);
        }
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            CheckAttribute(element, reader.LocalName, reader.Value, line, findings);
        }
        reader.MoveToElement();
    }

    private static void CheckAttribute(string element, string name, string value, IXmlLineInfo line, List<SvgFinding> findings)
    {
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            Add(findings, SvgFindingKind.EventHandler, $"the event attribute '{name}' runs script", line);
        }
        else if (name == "href")
        {
            CheckUrl(value, isLink: element == "a", $"<{element} href>", line, findings);
        }
        else if (Normalize(value).Contains("javascript:", StringComparison.Ordinal))
        {
            Add(findings, SvgFindingKind.ScriptUrl, $"the attribute '{name}' holds a javascript: URL", line);
        }
        else if (value.Contains("url(", StringComparison.OrdinalIgnoreCase) || name == "style")
        {
            CheckCss(value, line, findings);
        }
    }

    private static void CheckCss(string css, IXmlLineInfo line, List<SvgFinding> findings)
    {
        if (css.Contains("@import", StringComparison.OrdinalIgnoreCase))
        {
            Add(findings, SvgFindingKind.ExternalReference, "a CSS @import loads another stylesheet", line);
        }
        foreach (Match url in CssUrl().Matches(css))
        {
            CheckUrl(url.Groups["url"].Value, isLink: false, "a CSS url()", line, findings);
        }
    }

    /// <summary>A fragment (#id) and a raster data: picture stay inside the file; anything else runs or is fetched.
    /// A link (&lt;a href&gt;) may go anywhere a click takes the reader, except to script.</summary>
    private static void CheckUrl(string url, bool isLink, string where, IXmlLineInfo line, List<SvgFinding> findings)
    {
        var normalized = Normalize(url);
        if (normalized.StartsWith("javascript:", StringComparison.Ordinal) || normalized.StartsWith("vbscript:", StringComparison.Ordinal))
        {
            Add(findings, SvgFindingKind.ScriptUrl, $"{where} holds a script URL", line);
        }
        else if (normalized.StartsWith("data:", StringComparison.Ordinal))
        {
            if (!RasterDataUrl().IsMatch(normalized))
            {
                Add(findings, SvgFindingKind.DataUrl, $"{where} holds a data: URL that is not a PNG, JPEG, GIF or WebP picture", line);
            }
        }
        else if (!isLink && !normalized.StartsWith('#') && normalized.Length > 0)
        {
            Add(findings, SvgFindingKind.ExternalReference, $"{where} loads '{Shorten(url.Trim())}'", line);
        }
    }

    /// <summary>As a browser reads a URL: it drops tabs, newlines and spaces ("java&#9;script:" is javascript:) and ignores case.</summary>
    private static string Normalize(string url) =>
        string.Concat(url.Where(c => c > ' ')).ToLowerInvariant();

    private static string Shorten(string url) => url.Length <= 60 ? url : url[..57] + "...";

    private static void Add(List<SvgFinding> findings, SvgFindingKind kind, string message, IXmlLineInfo line) =>
        findings.Add(new SvgFinding(kind, message, line.LineNumber, line.LinePosition));

    private static SvgReport Failed(ImageProblemKind kind, string message) => new(null, null, [], new ImageProblem(kind, message));

    private static XmlReaderSettings ReaderSettings(int length) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = length + 1L,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    [GeneratedRegex("""<!DOCTYPE\s+svg(\s+PUBLIC\s+("[^"]*"|'[^']*')\s+("[^"]*"|'[^']*'))?\s*>""", RegexOptions.IgnoreCase)]
    private static partial Regex BareDoctype();

    [GeneratedRegex("""url\(\s*(?<q>["']?)(?<url>.*?)\k<q>\s*\)""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"^data:image/(png|jpeg|jpg|gif|webp)[;,]")]
    private static partial Regex RasterDataUrl();
}
