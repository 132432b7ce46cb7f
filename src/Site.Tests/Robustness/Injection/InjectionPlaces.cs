using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Site.Tests.Robustness.Injection;

/// <summary>A place in an article where content puts text: it writes the vector there, using
/// <c>key</c> to keep its labels and source keys apart from the other places of the same article.</summary>
internal sealed record Place(string Name, Action<ArticleDraft, string, string> Put)
{
    public override string ToString() => Name;
}

/// <summary>An article under construction: front matter fields as YAML, body paragraphs and notes.</summary>
internal sealed class ArticleDraft
{
    public string Title { get; set; } = Yaml("Injection test");

    public string? Summary { get; set; }

    public string? Author { get; set; }

    public string? Tags { get; set; }

    public string? SourceName { get; set; }

    public string? SourceUrl { get; set; }

    public List<string> Sources { get; } = [];

    public List<string> Body { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>A YAML scalar holding exactly <paramref name="text"/>: a JSON string is a YAML one.</summary>
    public static string Yaml(string text) => JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>A source entry for the front matter's <c>sources:</c> (or content/sources.yml, indented less).</summary>
    public static string Source(string key, string title = "A source", string publisher = "A publisher", string? url = null, string? archive = null, string indent = "  ") =>
        $"{indent}{key}:\n{indent}  title: {Yaml(title)}\n{indent}  publisher: {Yaml(publisher)}\n{indent}  url: {Yaml(url ?? "https://example.org/" + key)}\n{indent}  date: 2024-01-02\n"
        + (archive is null ? "" : $"{indent}  archive: {Yaml(archive)}\n");

    public string Text()
    {
        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(Title).Append('\n').Append("date: 2024-01-02\n");
        Field("summary", Summary);
        Field("author", Author);
        Field("tags", Tags);
        if (SourceName is not null || SourceUrl is not null)
        {
            text.Append("source:\n  name: ").Append(SourceName ?? Yaml("The original")).Append("\n  url: ").Append(SourceUrl ?? Yaml("https://example.org/original")).Append('\n');
        }
        if (Sources.Count > 0)
        {
            text.Append("sources:\n");
            Sources.ForEach(s => text.Append(s));
        }
        text.Append("---\n\n");
        Body.ForEach(paragraph => text.Append(paragraph).Append("\n\n"));
        Notes.ForEach(note => text.Append(note).Append("\n\n"));
        return text.ToString();

        void Field(string key, string? value)
        {
            if (value is not null)
            {
                text.Append(key).Append(": ").Append(value).Append('\n');
            }
        }
    }
}

/// <summary>Every place an article's content reaches the page: front matter, body, links, images, notes,
/// phrases, fact-checks and the article's source registry.</summary>
internal static class InjectionPlaces
{
    public static readonly IReadOnlyList<Place> All =
    [
        new("title", (a, v, _) => a.Title = ArticleDraft.Yaml(v)),
        new("summary", (a, v, _) => a.Summary = ArticleDraft.Yaml(v)),
        new("author", (a, v, _) => a.Author = ArticleDraft.Yaml(v)),
        // A tag names a page of the whole site, so two vectors spelled alike ("a:b", "a b") would share one and be
        // refused as a collision (SITE093): each vector's tag ends in a word of its own.
        new("tag", (a, v, _) => a.Tags = $"[{ArticleDraft.Yaml(v + " t" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(v)).AsSpan(0, 4)))}, other]"),
        new("source name", (a, v, _) => a.SourceName = ArticleDraft.Yaml(v)),
        new("source url", (a, v, _) => a.SourceUrl = ArticleDraft.Yaml(v)),
        new("body text", (a, v, _) => a.Body.Add($"Text before {v} and after.")),
        new("body line", (a, v, _) => a.Body.Add(v)),
        new("heading", (a, v, _) => a.Body.Add($"## {v}")),
        new("emphasis", (a, v, _) => a.Body.Add($"Some *{v}* here.")),
        new("table cell", (a, v, _) => a.Body.Add($"| Head |\n|------|\n| {v} |")),
        new("code span", (a, v, _) => a.Body.Add($"Code `{v}` here.")),
        new("link text", (a, v, _) => a.Body.Add($"[{v}](https://example.org/)")),
        new("link url", (a, v, _) => a.Body.Add($"[a link]({v})")),
        new("link url in brackets", (a, v, _) => a.Body.Add($"[a link](<{v}>)")),
        new("link title", (a, v, _) => a.Body.Add($"[a link](https://example.org/ \"{v}\")")),
        new("reference definition", (a, v, k) => a.Body.Add($"[a link][{k}]\n\n[{k}]: {v}")),
        new("autolink", (a, v, _) => a.Body.Add($"<{v}>")),
        new("image url", (a, v, _) => a.Body.Add($"![an image]({v})")),
        new("image alt", (a, v, _) => a.Body.Add($"![{v}](https://example.org/image.png)")),
        new("note text", (a, v, k) => Note(a, k, $"Claim.[^{k}]", $"[^{k}]: {v}")),
        new("link in note", (a, v, k) => Note(a, k, $"Claim.[^{k}]", $"[^{k}]: See [this]({v}).")),
        new("phrase", (a, v, k) => Note(a, k, $"A [{v}]{{^{k}}} phrase.", $"[^{k}]: A note.")),
        new("link in phrase", (a, v, k) => Note(a, k, $"A [phrase with [a link]({v}) in it]{{^{k}}}.", $"[^{k}]: A note.")),
        new("fact-check claim", (a, v, k) => FactCheck(a, k, $"claim={Attribute(v)} verdict=\"Disputed\" claimant=\"Someone\"")),
        new("fact-check verdict", (a, v, k) => FactCheck(a, k, $"claim=\"A claim\" verdict={Attribute(v)} claimant=\"Someone\"")),
        new("fact-check claimant", (a, v, k) => FactCheck(a, k, $"claim=\"A claim\" verdict=\"Disputed\" claimant={Attribute(v)}")),
        new("registry title", (a, v, k) => Cited(a, k, ArticleDraft.Source(k, title: v))),
        new("registry publisher", (a, v, k) => Cited(a, k, ArticleDraft.Source(k, publisher: v))),
        new("registry url", (a, v, k) => Cited(a, k, ArticleDraft.Source(k, url: v))),
        new("registry archive", (a, v, k) => Cited(a, k, ArticleDraft.Source(k, archive: v))),
    ];

    private static void Note(ArticleDraft article, string key, string paragraph, string note)
    {
        article.Body.Add(paragraph);
        article.Notes.Add(note);
    }

    private static void FactCheck(ArticleDraft article, string key, string attributes)
    {
        article.Sources.Add(ArticleDraft.Source("s" + key));
        Note(article, key, $"A claim.[^{key}]", $"[^{key}]: {{fact-check {attributes}}} Checked against [@s{key}].");
    }

    private static void Cited(ArticleDraft article, string key, string source)
    {
        article.Sources.Add(source);
        Note(article, key, $"Sourced.[^{key}]", $"[^{key}]: See [@{key}].");
    }

    /// <summary>A fact-check attribute value, in whichever quotes the vector does not use.</summary>
    private static string Attribute(string value) => value.Contains('"') && !value.Contains('\'') ? $"'{value}'" : $"\"{value}\"";
}
