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

/// <summary>The fact-check index of one build: every fact-check, newest first, the verdict groups
/// <c>fact-checks.html</c> lists and claims.json, each made once (see <see cref="FactChecks.Index"/>).</summary>
internal sealed record FactCheckIndex(IReadOnlyList<CheckedClaim> Claims, IReadOnlyList<VerdictGroupModel> Groups, byte[] Json);

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

    /// <summary>The index of <paramref name="claims"/> (<see cref="Ordered"/>): with a <see cref="RenderCache"/>,
    /// the last build's when the claims and the render inputs are what they were, so a save that changes no
    /// fact-check neither groups nor serializes 2,000 claims again, and the listing fingerprint finds the
    /// same groups instance it digested before.</summary>
    public static FactCheckIndex Index(LoadedSite site, IReadOnlyList<CheckedClaim> claims, RenderCache? cache)
    {
        FactCheckIndex Make() => new(claims, Groups(claims, site.Config, site.Strings.Text(site.Config.Language)), Json(claims, site.Config));
        return cache is null ? Make() : cache.FactChecksOf(claims, Make);
    }

    /// <summary>Record equality, claim by claim: everything the index shows of a claim is in it (claim,
    /// verdict, claimant, article, address, date, note), so equal claims make an equal index.</summary>
    public static bool Same(IReadOnlyList<CheckedClaim> a, IReadOnlyList<CheckedClaim> b) => a.SequenceEqual(b);

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

    /// <summary>claims.json: every fact-check, newest first, with absolute URLs when the site has a base URL.</summary>
    private static byte[] Json(IReadOnlyList<CheckedClaim> claims, SiteConfig config)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("claims");
            foreach (var claim in claims)
            {
                var rating = config.Verdicts?.Verdicts.FirstOrDefault(v => v.Name == claim.Verdict)?.Rating;
                json.WriteStartObject();
                json.WriteString("claim", claim.Claim);
                json.WriteString("verdict", claim.Verdict);
                if (rating is { } value)
                {
                    json.WriteNumber("rating", value);
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
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
