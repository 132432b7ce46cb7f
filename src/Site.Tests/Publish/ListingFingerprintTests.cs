using System.Collections;
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
}
