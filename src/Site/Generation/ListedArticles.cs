using System.Collections;
using Site.Content;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// The articles of one listing, newest first, as its templates see them (<see cref="ListingModel.Articles"/>):
/// an article's model is made when a page that shows it is first rendered, so a build whose listing pages are
/// all carried from the last one makes none (issue 16).
/// </summary>
internal sealed class ListedArticles(IReadOnlyList<Article> articles, ListedModels models) : IReadOnlyList<ArticleModel>
{
    public IReadOnlyList<Article> Articles => articles;

    public ListedModels Models => models;

    public int Count => articles.Count;

    public ArticleModel this[int index] => models.ModelOf(articles[index]);

    /// <summary>Articles <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>: one page of a paginated listing.</summary>
    public ListedArticles Slice(int start, int count) => new([.. articles.Skip(start).Take(count)], models);

    public IEnumerator<ArticleModel> GetEnumerator()
    {
        for (var i = 0; i < articles.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
