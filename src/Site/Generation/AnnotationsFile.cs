using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Markdown;
using Site.Markdown.Annotations;
using Site.Markdown.Notes;

namespace Site.Generation;

/// <summary>
/// <c>{slug}/annotations.json</c>: every note of an article with its label, type, text, sources and the
/// positions of its references in the Markdown, for editors' tools and for tests. See the README.
/// </summary>
internal static class AnnotationsFile
{
    public const string Name = "annotations.json";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The writer and its buffer, kept by each thread from one article to the next: only the file's
    /// own bytes are new for each article.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? writers;

    public static byte[] Write(RenderedArticle rendered)
    {
        var article = rendered.Article;
        var (buffer, json) = writers ??= NewWriters();
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("article", article.Slug);
        json.WriteString("title", article.Title);
        json.WriteString("file", article.ContentPath);
        json.WriteStartArray("notes");
        foreach (var note in rendered.Notes)
        {
            WriteNote(json, note, rendered);
        }
        json.WriteEndArray();
        json.WriteStartArray("sources");
        foreach (var source in rendered.Annotations.Sources)
        {
            WriteSource(json, source);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriters()
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        return (buffer, new Utf8JsonWriter(buffer, Options));
    }

    private static void WriteNote(Utf8JsonWriter json, Note note, RenderedArticle rendered)
    {
        var (file, ids) = (rendered.Article.File, rendered.Annotations.Ids);
        json.WriteStartObject();
        json.WriteNumber("number", note.Number);
        json.WriteString("label", note.Label.Text);
        json.WriteString("id", ids.Note(note.Label));
        json.WriteString("type", note.Kind == NoteKind.Plain ? "plain" : note.Kind.Name());
        if (note.Type is { Kind: NoteKind.FactCheck } factCheck)
        {
            json.WriteString("claim", factCheck.Claim);
            json.WriteString("verdict", factCheck.Verdict);
            if (factCheck.Claimant is { } claimant)
            {
                json.WriteString("claimant", claimant);
            }
            if (factCheck.ClaimDate is { } claimDate)
            {
                json.WriteString("claim_date", claimDate);
            }
            if (factCheck.Appearance is { } appearance)
            {
                json.WriteString("appearance", appearance.Key);
            }
        }
        json.WriteString("text", rendered.TextOf(note));
        WritePosition(json, "definition", note.Definition.At(file));
        json.WriteStartArray("sources");
        foreach (var source in note.Sources)
        {
            json.WriteStringValue(source.Key);
        }
        json.WriteEndArray();
        json.WriteStartArray("references");
        for (var index = 1; index <= note.References.Count; index++)
        {
            var reference = note.References[index - 1];
            json.WriteStartObject();
            json.WriteString("id", ids.Reference(note.Label, index));
            var at = reference.At(file);
            json.WriteNumber("line", at.Line);
            json.WriteNumber("column", at.Column);
            if (reference.Phrase is not null)
            {
                json.WriteString("phrase_id", ids.Phrase(note.Label, index));
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, Diagnostics.FilePosition at)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", at.Line);
        json.WriteNumber("column", at.Column);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, CitedSource cited)
    {
        var source = cited.Source;
        json.WriteStartObject();
        json.WriteString("key", source.Key);
        json.WriteString("title", source.Title);
        json.WriteString("publisher", source.Publisher);
        json.WriteString("url", source.Url);
        json.WriteString("date", source.Date);
        json.WriteString("archive", source.Archive);
        json.WriteStartArray("cited_by");
        foreach (var note in cited.CitedBy)
        {
            json.WriteStringValue(note.Label.Text);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
