using System.Text;

namespace Site.Generation;

/// <summary>
/// Writes the build's files: every page encoded once, with the preview's reload script when there is one,
/// registered with the link check and counted; every other file registered so links to it resolve.
/// </summary>
/// <param name="injection">HTML put before &lt;/body&gt; of every page: the preview's reload script, never
/// in a published build.</param>
internal sealed class PageWriter(ISiteOutput output, string? injection, LinkChecker links)
{
    private int _pages;
    private int _files;

    public LinkChecker Links => links;

    /// <summary>HTML pages written: articles, listings and the 404 page.</summary>
    public int Count => _pages;

    /// <summary>Every other file written: feed, sitemap, robots.txt, annotations.json, assets.</summary>
    public int OtherFiles => _files;

    /// <summary>A page as it will be served: the injection added.</summary>
    /// <param name="html">The page, UTF-8.</param>
    public byte[] Encode(byte[] html)
    {
        if (injection is null)
        {
            return html;
        }
        var body = LastBodyEnd(html);
        return body < 0 ? [.. html, .. Encoding.UTF8.GetBytes(injection)] : [.. html.AsSpan(0, body), .. Encoding.UTF8.GetBytes(injection), .. html.AsSpan(body)];
    }

    /// <summary>Where the last &lt;/body&gt; starts, in any letter case; -1 when there is none.</summary>
    private static int LastBodyEnd(byte[] html)
    {
        var end = "</body>"u8;
        for (var at = html.Length - end.Length; at >= 0; at--)
        {
            if (html[at] == '<' && System.Text.Ascii.EqualsIgnoreCase(html.AsSpan(at, end.Length), end))
            {
                return at;
            }
        }
        return -1;
    }

    /// <summary>A page encoded and scanned already, perhaps by an earlier build of the preview.</summary>
    public void WritePage(string path, byte[] page, LinkChecker.PageLinks pageLinks)
    {
        output.Write(path, page);
        links.Add(pageLinks);
        Interlocked.Increment(ref _pages);
    }

    /// <summary>A page, and its other files, carried unchanged from the last build (see <see cref="ISiteOutput.TryCarry"/>).</summary>
    /// <param name="pageLinks">The page's ids and links; null for a page whose links are not checked (the 404 page).</param>
    /// <param name="isPage">False for a file that is no page (a feed, the sitemap).</param>
    /// <returns>False, with nothing written or registered, when they cannot be carried.</returns>
    public bool TryCarry(IReadOnlyList<OutputFile> files, LinkChecker.PageLinks? pageLinks, bool isPage = true)
    {
        if (!output.TryCarry(files))
        {
            return false;
        }
        foreach (var file in files)
        {
            links.AddFile(file.Path);
        }
        if (pageLinks is not null)
        {
            links.Add(pageLinks);
        }
        Interlocked.Increment(ref isPage ? ref _pages : ref _files);
        return true;
    }

    /// <summary>The 404 page is served at any depth, so its links start from the base path: they are not checked.</summary>
    public void WriteNotFoundPage(string path, byte[] page)
    {
        output.Write(path, page);
        links.AddFile(path);
        Interlocked.Increment(ref _pages);
    }

    public void WriteFile(string path, byte[] content)
    {
        output.Write(path, content);
        links.AddFile(path);
        Interlocked.Increment(ref _files);
    }

    public void CopyFile(string source, string path)
    {
        output.CopyFile(source, path);
        links.AddFile(path);
        Interlocked.Increment(ref _files);
    }

    /// <summary>A page that failed to render: its own errors are reported, so links to it are not.</summary>
    public void Failed(string path) => links.AddFile(path);
}
