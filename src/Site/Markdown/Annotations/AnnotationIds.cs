using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>
/// Every id an article's annotations get, and the anchor names the margin layout uses. Ids come from the
/// article's slug and the label or key, so they stay stable when notes are added or reordered, and unique
/// when several articles share a page. The README documents them; links and editors' tools rely on them.
/// </summary>
internal sealed class AnnotationIds(string slug)
{
    /// <summary>The note, in the notes section: <c>{slug}--note-{label}</c>.</summary>
    public string Note(NoteLabel label) => $"{slug}--note-{label}";

    /// <summary>The k-th reference to a note, which its back-link returns to: <c>{slug}--ref-{label}-{k}</c>.</summary>
    public string Reference(NoteLabel label, int index) => string.Create(Invariant, $"{slug}--ref-{label}-{index}");

    /// <summary>The phrase of the k-th reference, for a phrase annotation: <c>{slug}--phrase-{label}-{k}</c>.</summary>
    public string Phrase(NoteLabel label, int index) => string.Create(Invariant, $"{slug}--phrase-{label}-{index}");

    public string NotesSection => $"{slug}--notes";

    public string SourcesSection => $"{slug}--sources";

    /// <summary>A source's entry in the Sources section: <c>{slug}--source-{key}</c>.</summary>
    public string Source(string key) => $"{slug}--source-{key}";

    /// <summary>The article's corrections box, which a link near the byline leads to: <c>{slug}--corrections</c>.</summary>
    public string Corrections => $"{slug}--corrections";

    /// <summary>The n-th correction in the box (1-based, as listed in front matter): <c>{slug}--correction-{n}</c>.</summary>
    public string Correction(int number) => string.Create(Invariant, $"{slug}--correction-{number}");

    /// <summary>CSS anchor name of note N's first reference, where the wide layout puts the note.</summary>
    public static string ReferenceAnchor(int number) => string.Create(Invariant, $"--r{number}");

    /// <summary>CSS anchor name of note N itself, which the next note is placed below.</summary>
    public static string NoteAnchor(int number) => string.Create(Invariant, $"--n{number}");

    private static IFormatProvider Invariant => System.Globalization.CultureInfo.InvariantCulture;
}
