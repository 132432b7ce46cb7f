using Site.Templating;

namespace Site.Generation;

/// <summary>One page rendered from a template: where it goes, which template, what the template sees.</summary>
internal sealed record PageJob(string Path, string Template, PageKind Kind, PageGlobals Globals);

internal enum PageKind
{
    /// <summary>An HTML page in layout.html: its links are checked and it counts as a page of the site.</summary>
    Page,

    /// <summary>The 404 page: in layout.html, but served at any depth, so its links are not checked.</summary>
    NotFound,

    /// <summary>A text file (robots.txt, sitemap.xml, feed.xml): the template's output alone.</summary>
    Text,
}
