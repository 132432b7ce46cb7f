using System.Collections;
using Site.Content;
using Site.Localization;
using Site.Templating;

namespace Site.Tests.Publish;

/// <summary>
/// A listing page is carried when the fingerprint of its model is unchanged. Flat model records are
/// fingerprinted by their generated ToString, which names every field but shows a list only as its type:
/// so every list in the models must be one the fingerprint walks item by item (issue 16).
/// </summary>
public sealed class ListingFingerprintTests
{
    /// <summary>The lists ListingFingerprints walks, by record.</summary>
    private static readonly Dictionary<Type, string[]> Walked = new()
    {
        [typeof(PageGlobals)] = [nameof(PageGlobals.FactChecks)],
        [typeof(ListingModel)] = [nameof(ListingModel.Articles), nameof(ListingModel.Pages), nameof(ListingModel.Tags), nameof(ListingModel.Archive)],
        [typeof(ArticleModel)] = [nameof(ArticleModel.Tags), nameof(ArticleModel.Corrections), nameof(ArticleModel.TagLinks), nameof(ArticleModel.Translations)],
        // Not walked: the verdict groups are fingerprinted by the digest of the claims they are made from (see below).
        [typeof(VerdictGroupModel)] = [nameof(VerdictGroupModel.Claims)],
    };

    [Fact]
    public void Every_list_a_listing_page_shows_is_part_of_its_fingerprint()
    {
        var seen = new HashSet<Type>();
        var unwalked = new List<string>();
        void Visit(Type type)
        {
            if (!seen.Add(type) || type.Namespace != typeof(PageGlobals).Namespace)
            {
                return;
            }
            foreach (var property in type.GetProperties())
            {
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
                {
                    if (!Walked.GetValueOrDefault(type, []).Contains(property.Name))
                    {
                        unwalked.Add($"{type.Name}.{property.Name}");
                    }
                    propertyType.GetGenericArguments().ToList().ForEach(Visit);
                }
                else
                {
                    Visit(propertyType);
                }
            }
        }

        Visit(typeof(PageGlobals));

        Assert.True(unwalked.Count == 0, $"lists ListingFingerprints does not walk (a change to them would not render the listing again): {string.Join(", ", unwalked)}");
    }

    /// <summary>A listed article is fingerprinted by what its model is made from (ListedModels.KeyOf): its file
    /// and its translations, the settings and strings being part of the render inputs. A model made from
    /// anything more (another article's data, say) would leave a listing showing it stale: key it too.</summary>
    [Fact]
    public void A_listed_articles_model_is_made_from_nothing_its_key_leaves_out()
    {
        var from = typeof(ArticleModel).GetMethods().Single(m => m.Name == nameof(ArticleModel.From) && m.GetParameters()[0].ParameterType == typeof(Article));

        Assert.Equal([typeof(Article), typeof(SiteConfig), typeof(PageText), typeof(IReadOnlyList<TranslationModel>)], from.GetParameters().Select(p => p.ParameterType));
    }

    /// <summary>A listed article's model is digested field by field (every listed article, on every clean build).</summary>
    [Fact]
    public void Every_field_of_a_listed_article_is_part_of_its_digest()
    {
        string[] article =
        [
            "Title", "Slug", "Url", "Permalink", "Date", "DateRfc3339", "DateDisplay", "Summary", "Author", "Draft", "Source", "Page", "Kind", "KindLabel",
            "ModifiedRfc3339", "CorrectionsId", "IsPage", "Language", "Tags", "Corrections", "TagLinks", "Translations",
        ];

        Assert.Equal(article.Order(), typeof(ArticleModel).GetProperties().Select(p => p.Name).Order());
        Assert.Equal(["Name", "Url"], typeof(TagLinkModel).GetProperties().Select(p => p.Name).Order());
    }

    /// <summary>The fact-check index page and claims.json are fingerprinted by the claims' digest, field by field
    /// (thousands of them, on every build): a field it left out could change and leave both stale.</summary>
    [Fact]
    public void Every_field_of_a_claim_is_part_of_the_fact_check_digest()
    {
        string[] digested = ["Claim", "Verdict", "Claimant", "Slug", "Url", "Title", "Date", "NoteId"];

        Assert.Equal(digested.Order(), typeof(Site.Generation.CheckedClaim).GetProperties().Select(p => p.Name).Order());
    }

    /// <summary>The verdict groups are made from the claims, the settings and the language's strings, the last two
    /// being part of the render inputs: made from anything more, the fact-check page's fingerprint would miss it.</summary>
    [Fact]
    public void The_verdict_groups_are_made_from_nothing_the_claims_digest_leaves_out()
    {
        var groups = typeof(Site.Generation.FactChecks).GetMethod("Groups", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

        Assert.Equal([typeof(IReadOnlyList<Site.Generation.CheckedClaim>), typeof(SiteConfig), typeof(PageText)], groups.GetParameters().Select(p => p.ParameterType));
    }
}
