using System.Diagnostics;
using Site.Content;
using Site.Diagnostics;
using Site.Templating;

namespace Site.Generation;

/// <summary>The build, top to bottom: read content and templates, render every article, report uncited
/// sources, render the listing pages and extras, copy assets, check every link. <see cref="Build(BuildOptions, CancellationToken, BuildProgress)"/>
/// publishes to disk only if nothing failed; the preview server builds into memory with the same code.</summary>
internal static class SiteBuilder
{
    /// <summary>Builds into a staging folder and swaps it in for the output folder if the build succeeded.</summary>
    /// <param name="stop">Ctrl+C: up to the swap, the build stops at its next file and throws
    /// <see cref="OperationCanceledException"/>, leaving the output folder as it was.</param>
    /// <param name="progress">Told how many articles there are and of each one rendered; none when null.</param>
    public static BuildResult Build(BuildOptions options, CancellationToken stop = default, BuildProgress? progress = null)
    {
        var cache = options.CacheFile is { } file ? RenderCache.ForPublish(file, options.OutputDir, reuse: !options.NoCache) : null;
        var yaml = options.CacheDir is { } dir ? Path.Combine(dir, YamlTreeCache.FileName) : null;
        if (yaml is not null && !options.NoCache)
        {
            YamlTreeCache.Read(yaml);
        }
        var listedFile = options.CacheDir is { } beside ? Path.Combine(beside, ListedDigests.FileName) : null;
        var listed = listedFile is null ? null : ListedDigests.Read(listedFile, reuse: !options.NoCache);
        BuildPhases.End("cache read");
        var staging = OutputStaging.Begin(options.OutputDir, stop, cache?.Spare);
        BuildPhases.End("staging begun");
        try
        {
            var result = Build(options, staging, cache, progress, listed);
            if (result.Published)
            {
                staging.Write(OutputGuard.Marker, System.Text.Encoding.UTF8.GetBytes(OutputGuard.MarkerText));
                BuildPhases.End("link check");
                var spare = staging.Commit(cache?.Output);
                BuildPhases.End("commit");
                // After the swap. A build killed before this leaves the old cache: what this build carried still
                // matches output/, and what it rendered afresh no longer does, so it is rendered again. Nor is
                // the spare it kept the one that cache names, so the next build removes it.
                var manifest = OutputManifest.Take(options.OutputDir, staging.Produced, staging.UnchangedFolders);
                BuildPhases.End("output manifest");
                cache?.Save(options.CacheFile!, options.OutputDir, spare, manifest);
                listed?.Write(listedFile!);
                BuildPhases.End("cache save");
                if (yaml is not null)
                {
                    YamlTreeCache.Write(yaml);
                }
            }
            else
            {
                staging.Discard();
            }
            return result;
        }
        catch (Exception e) when (stop.IsCancellationRequested)
        {
            // The stop surfaces from whichever write saw it first, wrapped by Parallel.ForEach when a page's.
            staging.Discard();
            throw new OperationCanceledException("the build was stopped", e, stop);
        }
        catch
        {
            staging.Discard();
            throw;
        }
    }

    /// <summary>Builds into <paramref name="output"/>; the result says whether the build may be published.</summary>
    /// <param name="listed">The listed articles' digests a publish build keeps beside its cache (see <see cref="ListedDigests"/>).</param>
    public static BuildResult Build(BuildOptions options, ISiteOutput output, RenderCache? cache = null, BuildProgress? progress = null, ListedDigests? listed = null)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var site = LoadedSite.Load(options, diagnostics, cache);
        if (options.CacheDir is not null)
        {
            // A publish build writes the YAML it parsed at its end: until then it holds the trees as those bytes.
            YamlTreeCache.Compact();
        }
        BuildPhases.End("site loaded");
        var pages = new PageWriter(output, options.PageInjection, new LinkChecker(site.Config.BaseUrl, diagnostics, site.Templates.LiteralIds));
        var renderer = new PageRenderer(site.Templates, SiteModel.From(site.Config), site.Strings);
        progress?.Start(site.Content.Articles.Count);
        var (cited, claims) = ArticlePages.Render(site, renderer, pages, diagnostics, cache, progress);
        BuildPhases.End("articles");
        ReportUncitedSources(site.Content.Sources, cited, diagnostics);
        var factChecks = site.Templates.Contains(FactChecks.Template) ? FactChecks.Index(site, claims) : null;
        if (factChecks is not null)
        {
            // Before the listings, so its bytes are not held while they render.
            FactChecks.PublishJson(factChecks, site.Config, pages, cache);
        }
        BuildPhases.End("claims.json");
        if (options.CacheDir is not null)
        {
            // A publish build's peak; the preview keeps its heap warm and its rebuilds quick.
            DropGarbageBeforeListings();
        }
        var listings = new ListingPublisher(renderer, pages, diagnostics, cache, listed);
        // In parallel, as the articles are: with pagination a large site has thousands of listing pages. A small
        // site's are as few as its articles, and less work than starting the pool's workers (callgrind, sample
        // site: 1.7 million instructions and three threads fewer).
        Parallel.ForEach(ListingPages.Jobs(site, factChecks?.Groups, cache), SmallLoops.For(site.Content.Articles.Count), listings.Publish);
        BuildPhases.End("listings");
        Assets.Copy(options.TemplatesDir, site.Config.DefaultTheme, pages, diagnostics);
        BuildPhases.End("assets");
        var links = pages.Links.Check(site.Content.HeldBack, cache?.LastLinkWorld);
        cache?.LinksChecked(links);
        return BuildResult.Of(diagnostics, pages.Count, options.Strict, clock.Elapsed, pages.OtherFiles) with
        {
            DraftsHeldBack = site.Content.HeldBack.Count(a => a.Draft),
            FutureHeldBack = site.Content.HeldBack.Count(a => !a.Draft),
        };
    }

    /// <summary>A heap this large is a large site's: what rendering its articles left (and the YAML trees a publish
    /// build now holds as bytes) would lie in the oldest generation under the listings, the build's peak, which
    /// allocate hundreds of MB more. A small site's is not worth a collection.</summary>
    private const long LargeHeap = 64 * 1024 * 1024;

    /// <summary>One full collection before the listings. Measured on 10,000 generated articles, NativeAOT: peak
    /// memory 355 to 287 MB with the trees held as bytes (with the large-object threshold, see Site.csproj: 305 to 250 MB).</summary>
    private static void DropGarbageBeforeListings()
    {
        if (GC.GetTotalMemory(forceFullCollection: false) >= LargeHeap)
        {
            GC.Collect();
        }
    }

    /// <summary>A site-wide source no article cites is noise. Not after errors: a failed article's citations
    /// were never counted.</summary>
    private static void ReportUncitedSources(IReadOnlyDictionary<string, Source> sources, IReadOnlySet<string> cited, DiagnosticBag diagnostics)
    {
        if (diagnostics.HasErrors)
        {
            return;
        }
        foreach (var source in sources.Values.Where(s => !cited.Contains(s.Key)))
        {
            diagnostics.Report(DiagnosticCode.UncitedSource, new FilePosition(source.File, source.Line, source.Column), $"source '{source.Key}' is never cited");
        }
    }
}
