using System.Collections.Concurrent;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>One tag of the site: its name as first written (by the newest article), its slug (its page is
/// <c>tags/{slug}/</c>) and its articles, newest first.</summary>
internal sealed record Tag(string Name, string Slug, IReadOnlyList<Article> Articles)
{
    public string Url => $"{TagIndex.Folder}/{Slug}/";
}

/// <summary>
/// Every tag of the site, by slug. Tag slugs are made from the tag's words in any script ("Энергетика" →
/// <c>энергетика</c>), so they are readable and stay the same from build to build; two tags that would share
/// a page ("Oil &amp; gas", "Oil, gas") are an error naming both; a tag whose words make no slug gets a stable one from its text (tag-1a2b3c4d).
/// </summary>
internal static class TagIndex
{
    public const string Folder = "tags";

    /// <summary>Slugs by tag name, for the life of the process: a slug depends on the name alone, and a site of
    /// 10,000 articles asks for the same few dozen 60,000 times (the index, and each model of an article links
    /// its tags: its page's and its listings').</summary>
    private static readonly ConcurrentDictionary<string, string> Slugs = new(StringComparer.Ordinal);

    /// <param name="newest">The articles, newest first: each tag's list keeps that order.</param>
    /// <returns>The tags in order of slug (ordinal, the same on every machine).</returns>
    public static IReadOnlyList<Tag> Build(IReadOnlyList<Article> newest, DiagnosticBag diagnostics)
    {
        var bySlug = new Dictionary<string, (string Name, List<Article> Articles)>(StringComparer.Ordinal);
        foreach (var article in newest)
        {
            var at = new FilePosition(article.File, article.TagsPosition.Line, article.TagsPosition.Column);
            foreach (var name in article.Tags.Distinct(StringComparer.Ordinal))
            {
                var slug = SlugOf(name);
                if (!bySlug.TryGetValue(slug, out var tag))
                {
                    bySlug[slug] = (name, [article]);
                }
                else if (tag.Name != name)
                {
                    diagnostics.Report(DiagnosticCode.TagCollision, at,
                        $"tags '{tag.Name}' and '{name}' would share the page {Folder}/{slug}/; spell them the same, or tell them apart by a letter or digit");
                }
                else
                {
                    tag.Articles.Add(article);
                }
            }
        }
        return [.. bySlug.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Tag(t.Value.Name, t.Key, t.Value.Articles))];
    }

    /// <summary>The tag's words as a slug; a tag with none that make a valid one ("#!", or words too long)
    /// gets a stable one from its text, so any tag an author writes has a page.</summary>
    public static string SlugOf(string name)
    {
        // A long preview sees every tag an author half-typed: start afresh rather than keep them all.
        if (Slugs.Count > 20_000)
        {
            Slugs.Clear();
        }
        return Slugs.GetOrAdd(name, MakeSlug);
    }

    private static string MakeSlug(string name)
    {
        var slug = Content.Slug.Words(name);
        if (slug.Length > 0 && Content.Slug.IsValid(slug))
        {
            return slug;
        }
        // SHA-256, not the build cache's ContentHash: the slug is a public URL, which must never change.
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return "tag-" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
