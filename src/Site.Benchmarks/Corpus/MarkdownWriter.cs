using System.Text;
using System.Text.RegularExpressions;

namespace Site.Benchmarks.Corpus;

/// <summary>Writes an article as a Site article (annotations, typed notes, [@key] citations) or as the
/// equivalent Hugo page (numbered plain footnotes, typed notes as words, citations as links).</summary>
internal static partial class MarkdownWriter
{
    public static string Site(ArticleModel article)
    {
        var text = new StringBuilder(12 * 1024);
        text.Append("---\n");
        text.Append("title: ").Append(Yaml(article.Title)).Append('\n');
        text.Append("date: ").Append(article.Date).Append('\n');
        text.Append("summary: ").Append(Yaml(article.Summary)).Append('\n');
        text.Append("author: ").Append(Yaml(article.Author)).Append('\n');
        text.Append("tags: [").AppendJoin(", ", article.Tags.Select(Yaml)).Append("]\n");
        if (article.Credit is { } credit)
        {
            text.Append("source:\n  name: ").Append(Yaml(credit.Name)).Append("\n  url: ").Append(credit.Url).Append('\n');
        }
        AppendSources(text, article.Sources);
        text.Append("---\n\n");
        AppendBody(text, article, hugo: false);
        foreach (var note in article.Notes)
        {
            text.Append("[^").Append(note.Label).Append("]: ");
            switch (note.Type)
            {
                case NoteType.FactCheck:
                    text.Append("{fact-check");
                    if (note.Claim is { } claim)
                    {
                        text.Append(" claim=\"").Append(claim).Append('"');
                    }
                    text.Append(" verdict=\"").Append(note.Verdict).Append('"');
                    if (note.Claimant is { } claimant)
                    {
                        text.Append(" claimant=\"").Append(claimant).Append('"');
                    }
                    text.Append("} ");
                    break;
                case NoteType.Context:
                    text.Append("{context} ");
                    break;
                case NoteType.Definition:
                    text.Append("{definition} ");
                    break;
                case NoteType.Correction:
                    text.Append("{correction} ");
                    break;
            }
            AppendNoteBody(text, note, p => p);
        }
        return text.ToString();
    }

    public static string Hugo(ArticleModel article, IReadOnlyDictionary<string, SourceModel> siteSources)
    {
        var sources = article.Sources.ToDictionary(s => s.Key);
        var text = new StringBuilder(12 * 1024);
        text.Append("---\n");
        text.Append("title: ").Append(Yaml(article.Title)).Append('\n');
        text.Append("date: ").Append(article.Date).Append('\n');
        text.Append("summary: ").Append(Yaml(article.Summary)).Append('\n');
        text.Append("author: ").Append(Yaml(article.Author)).Append('\n');
        text.Append("tags: [").AppendJoin(", ", article.Tags.Select(Yaml)).Append("]\n");
        AppendSources(text, article.Sources);
        text.Append("---\n\n");
        AppendBody(text, article, hugo: true);
        string Cite(string paragraph) => Citation().Replace(paragraph, m =>
        {
            var key = m.Groups[1].Value;
            var source = sources.TryGetValue(key, out var own) ? own : siteSources[key];
            return $"([{source.Publisher}, {source.Date}]({source.Url}))";
        });
        for (var n = 0; n < article.Notes.Count; n++)
        {
            var note = article.Notes[n];
            text.Append("[^").Append(n + 1).Append("]: ");
            switch (note.Type)
            {
                case NoteType.FactCheck:
                    text.Append("**Fact-check: ").Append(note.Verdict).Append(".** ");
                    text.Append(note.Claimant is { } claimant ? $"Claim by {claimant}: " : "Claim: ");
                    text.Append('“').Append(note.Claim ?? note.PhraseText).Append("”. ");
                    break;
                case NoteType.Context:
                    text.Append("*Context:* ");
                    break;
                case NoteType.Definition:
                    text.Append("*Definition:* ");
                    break;
                case NoteType.Correction:
                    text.Append("*Correction:* ");
                    break;
            }
            AppendNoteBody(text, note, Cite);
        }
        return text.ToString();
    }

    private static void AppendSources(StringBuilder text, List<SourceModel> sources)
    {
        text.Append("sources:\n");
        foreach (var source in sources)
        {
            text.Append("  ").Append(source.Key).Append(":\n");
            text.Append("    title: ").Append(Yaml(source.Title)).Append('\n');
            text.Append("    publisher: ").Append(Yaml(source.Publisher)).Append('\n');
            text.Append("    url: ").Append(source.Url).Append('\n');
            text.Append("    date: ").Append(source.Date).Append('\n');
        }
    }

    private static void AppendBody(StringBuilder text, ArticleModel article, bool hugo)
    {
        string Reference(int note) => hugo ? $"[^{note + 1}]" : $"[^{article.Notes[note].Label}]";
        foreach (var block in article.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    text.Append("## ").Append(heading.Text).Append("\n\n");
                    break;
                case QuoteBlock quote:
                    text.Append("> ").Append(quote.Text).Append("\n\n");
                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        text.Append("- ").Append(item).Append('\n');
                    }
                    text.Append('\n');
                    break;
                case ParagraphBlock paragraph:
                    if (paragraph.Lead is { } lead)
                    {
                        text.Append("**").Append(lead).Append(":** ");
                    }
                    for (var s = 0; s < paragraph.Sentences.Count; s++)
                    {
                        var sentence = paragraph.Sentences[s];
                        if (s > 0)
                        {
                            text.Append(' ');
                        }
                        var t = sentence.Text;
                        if (sentence.PhraseNote >= 0)
                        {
                            text.Append(t, 0, sentence.PhraseStart);
                            if (hugo)
                            {
                                text.Append(sentence.PhraseText).Append(Reference(sentence.PhraseNote));
                            }
                            else
                            {
                                text.Append('[').Append(sentence.PhraseText).Append("]{^").Append(article.Notes[sentence.PhraseNote].Label).Append('}');
                            }
                            text.Append(t, sentence.PhraseEnd, t.Length - sentence.PhraseEnd);
                        }
                        else if (sentence.Markup is { } markup)
                        {
                            text.Append(t, 0, markup.Start);
                            var inner = t[markup.Start..markup.End];
                            text.Append(sentence.LinkUrl is { } url ? $"[{inner}]({url})" : $"*{inner}*");
                            text.Append(t, markup.End, t.Length - markup.End);
                        }
                        else
                        {
                            text.Append(t);
                        }
                        foreach (var note in sentence.References)
                        {
                            text.Append(Reference(note));
                        }
                    }
                    text.Append("\n\n");
                    break;
            }
        }
    }

    private static void AppendNoteBody(StringBuilder text, NoteModel note, Func<string, string> cite)
    {
        text.Append(cite(note.Paragraphs[0])).Append('\n');
        if (note.Items is { } items)
        {
            text.Append('\n');
            foreach (var item in items)
            {
                text.Append("    - ").Append(cite(item)).Append('\n');
            }
        }
        foreach (var paragraph in note.Paragraphs.Skip(1))
        {
            text.Append("\n    ").Append(cite(paragraph)).Append('\n');
        }
        text.Append('\n');
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Yaml(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"\[@([\p{L}\p{N}_.-]+)\]")]
    private static partial Regex Citation();
}
