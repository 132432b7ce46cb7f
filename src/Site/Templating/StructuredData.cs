using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Content;
using Site.Markdown.Annotations;
using Site.Markdown.Notes;

namespace Site.Templating;

/// <summary>
/// schema.org JSON-LD for an article page: a NewsArticle (or the subtype its kind maps to; a page's: a WebPage) with its
/// corrections, and a ClaimReview for each fact-check note, rated on the desk's verdict scale when there is one.
/// Written with the JSON writer's default encoder, which escapes &lt;, &gt;, &amp; and quotes, so no value
/// (a title with "&lt;/script&gt;" included) can end the script element.
/// </summary>
internal static class StructuredData
{
    /// <param name="article">An article, or a page (content/pages/), which is no news article: a WebPage of the
    /// site, dated only when its front matter gives a date. Either way, a ClaimReview for each fact-check.</param>
    public static string For(Article article, SiteConfig config, string? permalink, AnnotationSet annotations)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            if (article.IsPage)
            {
                WebPage(json, article, config, permalink);
            }
            else
            {
                NewsArticle(json, article, config, permalink);
            }
            foreach (var note in annotations.Notes.Where(n => n.Kind == NoteKind.FactCheck))
            {
                ClaimReview(json, note, permalink is null ? null : permalink + "#" + annotations.Ids.Note(note.Label), article, config);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WebPage(Utf8JsonWriter json, Article page, SiteConfig config, string? permalink)
    {
        json.WriteStartObject();
        json.WriteString("@type", "WebPage");
        json.WriteString("name", page.Title);
        if (page.Summary is { } summary)
        {
            json.WriteString("description", summary);
        }
        if (page.Date != default)
        {
            json.WriteString("datePublished", page.Date.ToIso());
        }
        json.WriteString("inLanguage", page.Language ?? config.Language);
        if (permalink is not null)
        {
            json.WriteString("url", permalink);
        }
        json.WriteStartObject("isPartOf");
        json.WriteString("@type", "WebSite");
        json.WriteString("name", config.Title);
        if (config.BaseUrl is { } baseUrl)
        {
            json.WriteString("url", baseUrl.AbsoluteUri);
        }
        json.WriteEndObject();
        WriteSite(json, "publisher", config);
        json.WriteEndObject();
    }

    private static void ClaimReview(Utf8JsonWriter json, Note note, string? url, Article article, SiteConfig config)
    {
        json.WriteStartObject();
        json.WriteString("@type", "ClaimReview");
        if (url is not null)
        {
            json.WriteString("url", url);
        }
        json.WriteString("claimReviewed", note.Type.Claim);
        if (article.Date != default)
        {
            json.WriteString("datePublished", article.Date.ToIso());
        }
        WriteSite(json, "author", config);
        ReviewRating(json, note.Type.Verdict, config.Verdicts);
        json.WriteStartObject("itemReviewed");
        json.WriteString("@type", "Claim");
        if (note.Type.Claimant is { } claimant)
        {
            json.WriteStartObject("author");
            json.WriteString("@type", "Person");
            json.WriteString("name", claimant);
            json.WriteEndObject();
        }
        if (note.Type.ClaimDate is { } date)
        {
            json.WriteString("datePublished", date);
        }
        if (note.Type.Appearance is { } venue)
        {
            Appearance(json, venue);
        }
        else if (article.OriginalPublication is { } original)
        {
            json.WriteStartObject("appearance");
            json.WriteString("@type", "CreativeWork");
            json.WriteString("url", original.Url);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The source a fact-check names as its claim's venue. A title in [brackets] is the desk's
    /// description, not the work's headline, so it is not given as one.</summary>
    private static void Appearance(Utf8JsonWriter json, Source venue)
    {
        json.WriteStartObject("appearance");
        json.WriteString("@type", "CreativeWork");
        json.WriteString("url", venue.Url);
        if (!venue.Title.StartsWith('['))
        {
            json.WriteString("headline", venue.Title);
        }
        if (venue.Date is { } date)
        {
            json.WriteString("datePublished", date);
        }
        json.WriteStartObject("publisher");
        json.WriteString("@type", "Organization");
        json.WriteString("name", venue.Publisher);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The verdict's words, and on a scale its place between the worst and best ratings.</summary>
    private static void ReviewRating(Utf8JsonWriter json, string? verdict, VerdictScale? scale)
    {
        json.WriteStartObject("reviewRating");
        json.WriteString("@type", "Rating");
        if (verdict is not null && scale?.Find(verdict) is { } rated)
        {
            json.WriteNumber("ratingValue", rated.Rating);
            json.WriteNumber("bestRating", scale.Best);
            json.WriteNumber("worstRating", scale.Worst);
            // Google shows name as the rating's words: the verdict itself, not its meaning.
            json.WriteString("name", rated.Name);
        }
        json.WriteString("alternateName", verdict);
        json.WriteEndObject();
    }

    /// <summary>dateModified, and a CorrectionComment for each correction or clarification: an update adds
    /// news rather than correcting the record, so it moves dateModified only.</summary>
    private static void Corrections(Utf8JsonWriter json, Article article)
    {
        if (article.Corrections.Count == 0)
        {
            return;
        }
        json.WriteString("dateModified", article.Modified.ToIso());
        var comments = article.Corrections.Where(c => c.Kind != CorrectionKind.Update).ToList();
        if (comments.Count == 0)
        {
            return;
        }
        json.WriteStartArray("correction");
        foreach (var correction in comments)
        {
            json.WriteStartObject();
            json.WriteString("@type", "CorrectionComment");
            json.WriteString("datePublished", correction.Date.ToIso());
            json.WriteString("text", correction.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void NewsArticle(Utf8JsonWriter json, Article article, SiteConfig config, string? permalink)
    {
        json.WriteStartObject();
        json.WriteString("@type", article.Kind.SchemaType());
        json.WriteString("headline", article.Title);
        if (article.Summary is { } summary)
        {
            json.WriteString("description", summary);
        }
        json.WriteString("datePublished", article.Date.ToIso());
        Corrections(json, article);
        json.WriteString("inLanguage", article.Language ?? config.Language);
        if (permalink is not null)
        {
            json.WriteString("url", permalink);
            json.WriteString("mainEntityOfPage", permalink);
        }
        if ((article.Author ?? config.Author) is { } author)
        {
            json.WriteStartObject("author");
            json.WriteString("@type", "Person");
            json.WriteString("name", author);
            json.WriteEndObject();
        }
        WriteSite(json, "publisher", config);
        if (article.OriginalPublication is { } original)
        {
            json.WriteStartObject("isBasedOn");
            json.WriteString("@type", "NewsArticle");
            json.WriteString("name", original.Name);
            json.WriteString("url", original.Url);
            json.WriteEndObject();
        }
        if (article.Tags.Count > 0)
        {
            json.WriteString("keywords", string.Join(", ", article.Tags));
        }
        json.WriteEndObject();
    }

    /// <summary>The site as the organization that publishes the article and reviews its claims.</summary>
    private static void WriteSite(Utf8JsonWriter json, string property, SiteConfig config)
    {
        json.WriteStartObject(property);
        json.WriteString("@type", "Organization");
        json.WriteString("name", config.Title);
        if (config.BaseUrl is { } baseUrl)
        {
            json.WriteString("url", baseUrl.AbsoluteUri);
        }
        json.WriteEndObject();
    }
}
