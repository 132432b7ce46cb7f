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
        json.WriteString(Names.Article, article.Slug);
        json.WriteString(Names.Title, article.Title);
        json.WriteString(Names.File, article.ContentPath);
        json.WriteStartArray(Names.Notes);
        foreach (var note in rendered.Notes)
        {
            WriteNote(json, note, rendered);
        }
        json.WriteEndArray();
        json.WriteStartArray(Names.Sources);
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
        json.WriteNumber(Names.Number, note.Number);
        json.WriteString(Names.Label, note.Label.Text);
        json.WriteString(Names.Id, ids.Note(note.Label));
        json.WriteString(Names.Type, note.Kind == NoteKind.Plain ? "plain" : note.Kind.Name());
        if (note.Type is { Kind: NoteKind.FactCheck } factCheck)
        {
            json.WriteString(Names.Claim, factCheck.Claim);
            json.WriteString(Names.Verdict, factCheck.Verdict);
            if (factCheck.Claimant is { } claimant)
            {
                json.WriteString(Names.Claimant, claimant);
            }
            if (factCheck.ClaimDate is { } claimDate)
            {
                json.WriteString(Names.ClaimDate, claimDate);
            }
            if (factCheck.Appearance is { } appearance)
            {
                json.WriteString(Names.Appearance, appearance.Key);
            }
        }
        json.WriteString(Names.Text, rendered.TextOf(note));
        WritePosition(json, Names.Definition, note.Definition.At(file));
        json.WriteStartArray(Names.Sources);
        foreach (var source in note.Sources)
        {
            json.WriteStringValue(source.Key);
        }
        json.WriteEndArray();
        json.WriteStartArray(Names.References);
        for (var index = 1; index <= note.References.Count; index++)
        {
            var reference = note.References[index - 1];
            json.WriteStartObject();
            json.WriteString(Names.Id, ids.Reference(note.Label, index));
            var at = reference.At(file);
            json.WriteNumber(Names.Line, at.Line);
            json.WriteNumber(Names.Column, at.Column);
            if (reference.Phrase is not null)
            {
                json.WriteString(Names.PhraseId, ids.Phrase(note.Label, index));
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, JsonEncodedText name, Diagnostics.FilePosition at)
    {
        json.WriteStartObject(name);
        json.WriteNumber(Names.Line, at.Line);
        json.WriteNumber(Names.Column, at.Column);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, CitedSource cited)
    {
        var source = cited.Source;
        json.WriteStartObject();
        json.WriteString(Names.Key, source.Key);
        json.WriteString(Names.Title, source.Title);
        json.WriteString(Names.Publisher, source.Publisher);
        json.WriteString(Names.Url, source.Url);
        json.WriteString(Names.Date, source.Date);
        json.WriteString(Names.Archive, source.Archive);
        json.WriteStartArray(Names.CitedBy);
        foreach (var note in cited.CitedBy)
        {
            json.WriteStringValue(note.Label.Text);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The property names, encoded once: written as strings, each was checked and transcoded again
    /// for every note of every article.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Appearance = JsonEncodedText.Encode("appearance");
        public static readonly JsonEncodedText Archive = JsonEncodedText.Encode("archive");
        public static readonly JsonEncodedText Article = JsonEncodedText.Encode("article");
        public static readonly JsonEncodedText CitedBy = JsonEncodedText.Encode("cited_by");
        public static readonly JsonEncodedText Claim = JsonEncodedText.Encode("claim");
        public static readonly JsonEncodedText ClaimDate = JsonEncodedText.Encode("claim_date");
        public static readonly JsonEncodedText Claimant = JsonEncodedText.Encode("claimant");
        public static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
        public static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
        public static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText Notes = JsonEncodedText.Encode("notes");
        public static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");
        public static readonly JsonEncodedText PhraseId = JsonEncodedText.Encode("phrase_id");
        public static readonly JsonEncodedText Publisher = JsonEncodedText.Encode("publisher");
        public static readonly JsonEncodedText References = JsonEncodedText.Encode("references");
        public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText Verdict = JsonEncodedText.Encode("verdict");
        public static readonly JsonEncodedText Definition = JsonEncodedText.Encode("definition");
    }
}
