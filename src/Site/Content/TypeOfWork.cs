namespace Site.Content;

/// <summary>What kind of journalism an article is (front matter <c>kind:</c>), so that a reader can tell
/// reporting from comment: shown above the headline, and the schema.org type of its JSON-LD.</summary>
internal enum TypeOfWork
{
    News,
    Analysis,
    Opinion,
    Explainer,
    FactCheck,
}

internal static class TypesOfWork
{
    /// <summary>Every kind by the name written in front matter, in the order the README lists them.</summary>
    public static IReadOnlyDictionary<string, TypeOfWork> ByName { get; } = new Dictionary<string, TypeOfWork>(StringComparer.Ordinal)
    {
        ["news"] = TypeOfWork.News,
        ["analysis"] = TypeOfWork.Analysis,
        ["opinion"] = TypeOfWork.Opinion,
        ["explainer"] = TypeOfWork.Explainer,
        ["fact-check"] = TypeOfWork.FactCheck,
    };

    public static string Name(this TypeOfWork kind) => ByName.First(p => p.Value == kind).Key;

    /// <summary>schema.org's NewsArticle subtypes; a fact-check stays a NewsArticle, with a ClaimReview per checked claim.</summary>
    public static string SchemaType(this TypeOfWork? kind) => kind switch
    {
        TypeOfWork.Analysis => "AnalysisNewsArticle",
        TypeOfWork.Opinion => "OpinionNewsArticle",
        TypeOfWork.Explainer => "BackgroundNewsArticle",
        _ => "NewsArticle",
    };
}
