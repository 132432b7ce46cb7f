using Site.Diagnostics;

namespace Site.Generation;

/// <summary>
/// Publishes the listing pages (index, tags, archive, fact-checks, feeds, sitemap, 404): each rendered, or,
/// with a <see cref="RenderCache"/>, taken from the last build when its
/// <see cref="ListingFingerprints">fingerprint</see> is what it was: the preview writes the bytes it kept,
/// a publish build carries the file while it is as that build left it. A page whose render reported
/// anything is not kept: it reports again on every build.
/// </summary>
/// <param name="listed">The digests of listed articles' models a publish build keeps beside its cache; none in
/// the preview, whose cache keeps the models themselves.</param>
internal sealed class ListingPublisher(PageRenderer renderer, PageWriter pages, DiagnosticBag diagnostics, RenderCache? cache, ListedDigests? listed)
{
    private readonly ListingFingerprints _fingerprints = new(cache?.ListingDigests ?? new(), listed);

    public void Publish(PageJob job)
    {
        if (cache is null)
        {
            renderer.Render(job, pages, diagnostics);
            return;
        }
        var fingerprint = _fingerprints.Of(job);
        // The cache file is not trusted to name the paths: they must be this job's.
        if (cache.TryGetListing(job.Path, fingerprint, out var last) && last.Kind == job.Kind
            && last.Files is [{ } file] && file.Path == job.Path && (last.Links is null || last.Links.Path == job.Path)
            && (job.Kind != PageKind.Page || last.Links is not null) && TryReuse(job, last))
        {
            return;
        }
        var local = new DiagnosticBag();
        var (written, links) = renderer.Render(job, pages, local);
        var found = local.ToSortedList();
        diagnostics.AddRange(found);
        if (written is not null && found.Count == 0)
        {
            cache.SetListing(job.Path, fingerprint, job.Kind, links, written);
        }
    }

    private bool TryReuse(PageJob job, RenderCache.Listing last)
    {
        if (last.Content is { } content)
        {
            PageRenderer.Write(job, content, last.Links, pages);
            return true;
        }
        return pages.TryCarry(last.Files, last.Links, job.Kind != PageKind.Text);
    }
}
