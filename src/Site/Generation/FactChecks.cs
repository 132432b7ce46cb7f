using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Content;
using Site.Markdown;
using Site.Markdown.Notes;
using Site.Templating;

namespace Site.Generation;

/// <summary>One fact-check of the site, as the fact-check index and claims.json show it; <paramref name="Url"/> is
/// its article's path from the site root, which the permalink pattern makes.</summary>
internal sealed record CheckedClaim(string Claim, string Verdict, string? Claimant, string Slug, string Url, string Title, PublishDate Date, string NoteId);

/// <summary>The fact-check index of one build: every fact-check, newest first, and their
/// <see cref="FactChecks.Digest">digest</see>, under which claims.json and the fact-check index page are carried
/// from the last build while no claim changed (see <see cref="FactChecks.Index"/>).</summary>
internal sealed record FactCheckIndex(IReadOnlyList<CheckedClaim> Claims, string Digest, VerdictGroups Groups);

/// <summary>
/// The verdict groups <c>fact-checks.html</c> lists, made when that page is first rendered: a build whose
/// fact-check page is carried makes none. Its listing fingerprint takes <see cref="Digest"/> instead of the
/// groups, as they are made from the claims alone besides the <see cref="RenderInputs"/>.
/// </summary>
internal sealed class VerdictGroups(string digest, Func<List<VerdictGroupModel>> make) : IReadOnlyList<VerdictGroupModel>
{
    private readonly Lazy<List<VerdictGroupModel>> _groups = new(make);

    /// <summary>The claims' digest (<see cref="FactChecks.Digest"/>).</summary>
    public string Digest => digest;

    public int Count => _groups.Value.Count;

    public VerdictGroupModel this[int index] => _groups.Value[index];

    public IEnumerator<VerdictGroupModel> GetEnumerator() => _groups.Value.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The site-wide index of fact-checks: every fact-check note's claim, verdict and claimant with its article,
/// grouped by verdict (in the order of the site's verdict scale, best first, when there is one; else by
/// count), and <c>claims.json</c> for fact-check aggregators.
/// </summary>
internal static class FactChecks
{
    public const string Template = "fact-checks.html";
    public const string Folder = "fact-checks";
    public const string JsonFile = "claims.json";

    public static IEnumerable<CheckedClaim> Of(RenderedArticle rendered) =>
        rendered.Annotations.Notes.Where(n => n.Type is { Kind: NoteKind.FactCheck, Claim: not null, Verdict: not null })
            .Select(n => new CheckedClaim(n.Type.Claim!, n.Type.Verdict!, n.Type.Claimant, rendered.Article.Slug, rendered.Article.Url, rendered.Article.Title, rendered.Article.Date,
                rendered.Annotations.Ids.Note(n.Label)));

    /// <summary>Newest article first, then in note order within an article.</summary>
    public static List<CheckedClaim> Ordered(IEnumerable<CheckedClaim> claims) =>
        [.. claims.OrderByDescending(c => c.Date.Value).ThenBy(c => c.Slug, StringComparer.Ordinal).ThenBy(c => c.NoteId, StringComparer.Ordinal)];

    /// <summary>The index of <paramref name="claims"/> (<see cref="Ordered"/>): its digest, and its verdict
    /// groups to be made when the fact-check page renders.</summary>
    public static FactCheckIndex Index(LoadedSite site, IReadOnlyList<CheckedClaim> claims)
    {
        var digest = Digest(claims);
        return new(claims, digest, new VerdictGroups(digest, () => Groups(claims, site.Config, site.Strings.Text(site.Config.Language))));
    }

    /// <summary>Everything the index shows of the claims, in order, field by field: claim, verdict, claimant,
    /// article, address, date, note. The rest of what claims.json and the verdict groups are made from (the
    /// verdict scale, the base URL, the language's strings) is in the <see cref="RenderInputs"/>, under which
    /// the cache keeps its listings. A test fails when <see cref="CheckedClaim"/> gains a field this leaves out.</summary>
    public static string Digest(IReadOnlyList<CheckedClaim> claims)
    {
        var fingerprint = new Fingerprint().Add(JsonFile).Add(claims.Count);
        foreach (var claim in claims)
        {
            fingerprint.Add(claim.Claim).Add(claim.Verdict).Add(claim.Claimant).Add(claim.Slug).Add(claim.Url).Add(claim.Title)
                .Add(claim.Date.Value.Ticks).Add(claim.Date.Value.Offset.Ticks).Add(claim.Date.HasTime ? 1 : 0).Add(claim.NoteId);
        }
        return fingerprint.Finish();
    }

    /// <summary>Writes claims.json, or with a <see cref="RenderCache"/>, takes it from the last build when the
    /// claims are what they were, as <see cref="ListingPublisher"/> takes a listing page: the preview writes the
    /// bytes it kept, a publish build carries the file while it is as that build left it.</summary>
    public static void PublishJson(FactCheckIndex index, SiteConfig config, PageWriter pages, RenderCache? cache)
    {
        // The cache file is not trusted to name the path: it must be this one.
        if (cache is not null && cache.TryGetListing(JsonFile, index.Digest, out var last) && last is { Kind: PageKind.Text, Links: null, Files: [{ Path: JsonFile }] })
        {
            if (last.Content is { } kept)
            {
                pages.WriteFile(JsonFile, kept);
                return;
            }
            if (pages.TryCarry(last.Files, null, isPage: false))
            {
                return;
            }
        }
        var json = Json(index.Claims, config);
        pages.WriteFile(JsonFile, json);
        cache?.SetListing(JsonFile, index.Digest, PageKind.Text, null, json);
    }

    /// <summary>The verdict groups the template lists, with a bar length (percent of the largest group).</summary>
    private static List<VerdictGroupModel> Groups(IReadOnlyList<CheckedClaim> claims, SiteConfig config, Localization.PageText text)
    {
        var byVerdict = claims.GroupBy(c => c.Verdict, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var scale = config.Verdicts?.Verdicts.OrderByDescending(v => v.Rating).ToList() ?? [];
        var order = scale.Count > 0
            ? scale.Select(v => v.Name).Where(byVerdict.ContainsKey).ToList()
            : [.. byVerdict.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];
        var largest = byVerdict.Count == 0 ? 1 : byVerdict.Values.Max(g => g.Count);
        return [.. order.Select((verdict, i) =>
        {
            var meaning = scale.FirstOrDefault(v => v.Name == verdict);
            var items = byVerdict[verdict].Select(c => new ClaimModel(Html.Escape(c.Claim), Html.Escape(c.Verdict), Html.Escape(c.Claimant), Html.Escape(c.Title),
                c.Url, $"{c.Url}#{c.NoteId}", c.Date.ToIso(), Html.Escape(text.Date(c.Date)))).ToList();
            return new VerdictGroupModel(Html.Escape(verdict), Html.Escape(meaning?.Meaning), meaning?.Rating, $"verdict-{i + 1}", items.Count,
                (int)Math.Round(100.0 * items.Count / largest), items);
        })];
    }

    /// <summary>claims.json: every fact-check, newest first, with absolute URLs when the site has a base URL.
    /// Written into one buffer sized for it from the start (20,000 claims make 8.5 MB): through a MemoryStream, the
    /// writer's own buffer and the stream's each grew by doubling, and the bytes were copied twice more.</summary>
    private static byte[] Json(IReadOnlyList<CheckedClaim> claims, SiteConfig config)
    {
        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var verdict in config.Verdicts?.Verdicts ?? [])
        {
            ratings.TryAdd(verdict.Name, verdict.Rating);
        }
        var buffer = new ArrayBufferWriter<byte>(Length(claims, config));
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("claims");
            foreach (var claim in claims)
            {
                json.WriteStartObject();
                json.WriteString("claim", claim.Claim);
                json.WriteString("verdict", claim.Verdict);
                if (ratings.TryGetValue(claim.Verdict, out var rating))
                {
                    json.WriteNumber("rating", rating);
                }
                json.WriteString("claimant", claim.Claimant);
                json.WriteString("article", claim.Title);
                json.WriteString("url", (config.Permalink(claim.Url) ?? claim.Url) + "#" + claim.NoteId);
                json.WriteString("date", claim.Date.ToIso());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>About the length of claims.json: its text, UTF-8, and room for the names, indentation, base URL
    /// and date of each claim. Escapes can make it longer; the buffer then grows once.</summary>
    private static int Length(IReadOnlyList<CheckedClaim> claims, SiteConfig config)
    {
        long length = 64;
        var perClaim = 192 + (config.BaseUrl?.AbsoluteUri.Length ?? 0);
        foreach (var claim in claims)
        {
            length += perClaim + Encoding.UTF8.GetByteCount(claim.Claim) + Encoding.UTF8.GetByteCount(claim.Verdict) + Encoding.UTF8.GetByteCount(claim.Claimant ?? "")
                + Encoding.UTF8.GetByteCount(claim.Title) + Encoding.UTF8.GetByteCount(claim.Url) + claim.NoteId.Length;
        }
        return (int)Math.Min(length, Array.MaxLength);
    }
}
