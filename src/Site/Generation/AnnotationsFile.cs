using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Markdown;
using Site.Markdown.Annotations;

namespace Site.Generation;

/// <summary>
/// <c>{slug}/annotations.json</c>: every note of an article with its label, type, text, sources and the
/// positions of its references in the Markdown, for editors' tools and for tests. See the README.
/// </summary>
internal static class AnnotationsFile
{
    public const string Name = "annotations.json";

    public static string Write(RenderedArticle rendered)
    {
        var article = rendered.Article;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("article", article.Slug);
            json.WriteString("title", article.Title);
            json.WriteString("file", article.ContentPath);
            json.WriteStartArray("notes");
            foreach (var note in rendered.Notes)
            {
                json.WriteStartObject();
                json.WriteNumber("number", note.Number);
                json.WriteString("label", note.Label);
                json.WriteString("id", note.Id);
                json.WriteString("type", note.Kind == NoteKind.Plain ? "plain" : note.Kind.Name());
                if (note.Kind == NoteKind.FactCheck)
                {
                    json.WriteString("claim", note.Definition.Claim);
                    json.WriteString("verdict", note.Definition.Verdict);
                    if (note.Definition.Claimant is { } claimant)
                    {
                        json.WriteString("claimant", claimant);
                    }
                }
                json.WriteString("text", note.Text);
                var definition = note.Definition.At(article.File);
                json.WriteStartObject("definition");
                json.WriteNumber("line", definition.Line);
                json.WriteNumber("column", definition.Column);
                json.WriteEndObject();
                json.WriteStartArray("sources");
                foreach (var source in note.Sources)
                {
                    json.WriteStringValue(source.Key);
                }
                json.WriteEndArray();
                json.WriteStartArray("references");
                foreach (var reference in note.References)
                {
                    json.WriteStartObject();
                    json.WriteString("id", note.ReferenceId(reference.Index));
                    var at = reference.At(article.File);
                    json.WriteNumber("line", at.Line);
                    json.WriteNumber("column", at.Column);
                    if (reference.Phrase is not null)
                    {
                        json.WriteString("phrase_id", note.PhraseId(reference.Index));
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var (source, citedBy) in rendered.Annotations.Sources)
            {
                json.WriteStartObject();
                json.WriteString("key", source.Key);
                json.WriteString("title", source.Title);
                json.WriteString("publisher", source.Publisher);
                json.WriteString("url", source.Url);
                json.WriteString("date", source.Date);
                json.WriteString("archive", source.Archive);
                json.WriteStartArray("cited_by");
                foreach (var note in citedBy)
                {
                    json.WriteStringValue(note.Label);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
