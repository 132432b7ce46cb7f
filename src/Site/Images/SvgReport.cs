namespace Site.Images;

internal enum SvgFindingKind
{
    /// <summary>A &lt;script&gt; element, or an animation that rewrites a link.</summary>
    Script,
    /// <summary>An on* attribute (onload, onclick, …).</summary>
    EventHandler,
    /// <summary>A javascript: or vbscript: URL anywhere.</summary>
    ScriptUrl,
    /// <summary>A data: URL that is not a plain raster picture.</summary>
    DataUrl,
    /// <summary>Something the browser would fetch from elsewhere: href, CSS url() or @import, xml-stylesheet.</summary>
    ExternalReference,
    /// <summary>HTML or plug-in content: &lt;foreignObject&gt;, &lt;iframe&gt;, &lt;embed&gt;, &lt;object&gt;.</summary>
    ForeignContent,
    /// <summary>A DOCTYPE with declarations (&lt;!ENTITY …&gt;): entity bombs and external entities.</summary>
    Doctype,
}

/// <summary>One thing in an SVG a browser would run or fetch, at its 1-based position in the file.</summary>
internal sealed record SvgFinding(SvgFindingKind Kind, string Message, int Line, int Column);

/// <summary>
/// What <see cref="SvgSafety"/> found. <see cref="Width"/> and <see cref="Height"/> are in CSS pixels,
/// from the root's width and height or its viewBox, or null when neither says.
/// </summary>
internal sealed record SvgReport(double? Width, double? Height, IReadOnlyList<SvgFinding> Findings, ImageProblem? Problem)
{
    public bool IsSafe => Problem is null && Findings.Count == 0;
}
