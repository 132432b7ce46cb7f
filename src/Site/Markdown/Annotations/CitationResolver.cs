using Site.Content;
using Site.Diagnostics;
using Site.Markdown.Citations;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>Matches <c>[@key]</c> citations to the article's and the site's sources, adds each cited
/// source to its note, and orders the article's Sources section.</summary>
internal sealed class CitationResolver(Article article, IReadOnlyDictionary<string, Source> siteSources, DiagnosticBag diagnostics)
{
    private readonly Dictionary<SourceCitation, Source> _resolved = [];
    private readonly List<(Source Source, List<NoteDraft> Notes)> _cited = [];
    private readonly Dictionary<string, int> _citedIndex = new(StringComparer.Ordinal);

    /// <param name="notes">The referenced notes by definition: a citation in any other note does not count.</param>
    /// <returns>What each citation resolved to, and the cited sources in reading order with the notes citing them.</returns>
    public static (Dictionary<SourceCitation, Source> Resolved, List<(Source Source, List<NoteDraft> Notes)> Cited) Resolve(
        IReadOnlyList<Found<SourceCitation>> citations, IReadOnlyDictionary<NoteDefinition, NoteDraft> notes,
        Article article, IReadOnlyDictionary<string, Source> siteSources, DiagnosticBag diagnostics)
    {
        var resolver = new CitationResolver(article, siteSources, diagnostics);
        resolver.CheckArticleSources();
        foreach (var (citation, inNote, inLink) in citations)
        {
            if (resolver.Find(citation, inNote, inLink) is { } source && notes.TryGetValue(inNote!, out var note))
            {
                resolver.Cite(source, note);
            }
        }
        resolver.ReportUncited();
        return (resolver._resolved, resolver.InReadingOrder());
    }

    /// <summary>An article's own source must not shadow a site-wide one, and should not repeat its URL.</summary>
    private void CheckArticleSources()
    {
        foreach (var source in article.Sources.Values)
        {
            var at = new FilePosition(article.File, source.Line, source.Column);
            if (siteSources.TryGetValue(source.Key, out var shared))
            {
                diagnostics.Report(DiagnosticCode.SourceDefinedTwice, at, $"source '{source.Key}' is also defined in {shared.File} (line {shared.Line}); use another key");
            }
            else if (siteSources.Values.FirstOrDefault(s => s.Url == source.Url) is { } sameUrl)
            {
                diagnostics.Report(DiagnosticCode.SameSourceUrl, at, $"source '{source.Key}' has the same URL as '{sameUrl.Key}' in {sameUrl.File}; cite one key");
            }
        }
    }

    /// <summary>The source a citation names, or null (reported) when it names none or stands where it may not.</summary>
    private Source? Find(SourceCitation citation, NoteDefinition? inNote, bool inLink)
    {
        var at = citation.At(article.File);
        if (inNote is null)
        {
            diagnostics.Report(DiagnosticCode.CitationOutsideNote, at, $"source citation [@{citation.Key}] is outside a note; cite sources in notes");
            return null;
        }
        if (inLink)
        {
            diagnostics.Report(DiagnosticCode.CitationInLink, at, $"source citation [@{citation.Key}] is inside a link's text or an image's description; move it after the link or image");
            return null;
        }
        if (!article.Sources.TryGetValue(citation.Key, out var source) && !siteSources.TryGetValue(citation.Key, out source))
        {
            diagnostics.Report(DiagnosticCode.UndefinedSource, at, $"source [@{citation.Key}] is not defined: add it to the article's sources or to content/{SourceRegistry.FileName}");
            return null;
        }
        _resolved.Add(citation, source);
        return source;
    }

    private void Cite(Source source, NoteDraft note)
    {
        if (!_citedIndex.TryGetValue(source.Key, out var index))
        {
            index = _cited.Count;
            _citedIndex.Add(source.Key, index);
            _cited.Add((source, []));
        }
        var entry = _cited[index];
        if (!note.Sources.Contains(source))
        {
            note.Sources.Add(source);
        }
        if (!entry.Notes.Contains(note))
        {
            entry.Notes.Add(note);
        }
    }

    private void ReportUncited()
    {
        foreach (var source in article.Sources.Values.Where(s => !_citedIndex.ContainsKey(s.Key)))
        {
            diagnostics.Report(DiagnosticCode.UncitedSource, new FilePosition(article.File, source.Line, source.Column), $"source '{source.Key}' is never cited");
        }
    }

    /// <summary>By the first note (by number) that cites each source, then by place in that note.</summary>
    private List<(Source Source, List<NoteDraft> Notes)> InReadingOrder() =>
        [.. _cited
            .Select((entry, index) => (Entry: (entry.Source, Notes: entry.Notes.OrderBy(n => n.Number).ToList()), Index: index))
            .OrderBy(x => x.Entry.Notes[0].Number)
            .ThenBy(x => x.Index)
            .Select(x => x.Entry)];
}
