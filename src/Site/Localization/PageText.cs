using System.Collections.Concurrent;
using Site.Content;
using Site.Markdown.Notes;

namespace Site.Localization;

/// <summary>
/// Every word Site itself writes into an article (templates bring theirs through <c>t</c>): section
/// headings, accessible names, note types, dates, in one language, from its strings table. Plain text
/// unless a member says HTML; callers escape plain text where they write it.
/// </summary>
internal sealed class PageText(Strings strings)
{
    private readonly string[] _letters = strings.Text("notes.backlink_letters").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The messages that vary only by a note's number (and a reference's letter), each made once: every
    /// article has notes 1, 2, 3…, and formatting a message costs more than rendering most of a note.</summary>
    private readonly ConcurrentDictionary<(string Key, int Number, string Letter), string> _numbered = new();

    /// <summary>English from Site's own tables, for code that renders without a site.</summary>
    public static PageText English => SiteStrings.BuiltIn.Text(StringsCatalog.English);

    public Strings Strings => strings;

    public string NotesHeading => strings.Text("notes.heading");

    public string SourcesHeading => strings.Text("sources.heading");

    /// <summary>A fact-check's claim, set as a quotation, and who made it: HTML, from escaped values.</summary>
    public string ClaimHtml(string claimHtml, string? claimantHtml) => claimantHtml is null
        ? strings.Html("notes.claim", ("claim", $"<q>{claimHtml}</q>"))
        : strings.Html("notes.claim_by", ("claim", $"<q>{claimHtml}</q>"), ("claimant", claimantHtml));

    /// <summary>Who made a fact-check's claim, when and where, as far as the note says:
    /// "Kassym-Jomart Tokayev, 3 January 2024, The Astana Times"; null when it says none of these.</summary>
    public string? ClaimOrigin(NoteType claim)
    {
        string?[] parts = [claim.Claimant, PartialDate(claim.ClaimDate), claim.Appearance?.Publisher];
        var given = parts.OfType<string>().ToList();
        return given.Count == 0 ? null : string.Join(strings.Text("common.list_separator"), given);
    }

    /// <summary>The label above the headline.</summary>
    public string TypeOfWork(TypeOfWork kind) => strings.Text("kinds." + kind.Name().Replace('-', '_'));

    /// <summary>The kind of a dated entry in the corrections box.</summary>
    public string CorrectionKind(CorrectionKind kind) => strings.Text("corrections." + kind.ToString().ToLowerInvariant());

    /// <summary>A correction note's link to its dated entry in the corrections box.</summary>
    public string SeeCorrection(int number) => strings.Text("notes.see_correction", ("number", number));

    public string ArchivedCopy => strings.Text("sources.archived_copy");

    /// <summary>The accessible name of a table's scrolling region.</summary>
    public string Table => strings.Text("article.table");

    /// <summary>The title of the 404 page.</summary>
    public string PageNotFound => strings.Text("not_found.title");

    /// <summary>The visible type of a note, "Fact-check"; empty for a plain note.</summary>
    public string NoteType(NoteKind kind) => kind == NoteKind.Plain ? "" : strings.Text("notes.types." + kind.Name().Replace('-', '_'));

    /// <summary>A reference's accessible name: "Note 3", or "Note 3, fact-check" for a typed note.</summary>
    public string NoteName(int number, NoteKind kind = NoteKind.Plain) =>
        Numbered(kind == NoteKind.Plain ? "reference.name" : "reference.name_" + kind.Name().Replace('-', '_'), number);

    /// <summary>A back-link's accessible name, ending in the letter it shows: "Back to reference 3 b".</summary>
    public string BackToReference(int number, string letter) =>
        Numbered(letter.Length == 0 ? "notes.backlink" : "notes.backlink_lettered", number, letter);

    /// <summary>The visible text of the control that opens a clipped margin note.</summary>
    public string More => strings.Text("notes.more");

    /// <summary>That control's accessible name, containing its visible text: "More of note 3".</summary>
    public string MoreOfNote(int number) => Numbered("notes.more_name", number);

    /// <summary><paramref name="key"/> with its number, and its letter when there is one.</summary>
    private string Numbered(string key, int number, string letter = "") => _numbered.GetOrAdd((key, number, letter), static (message, strings) =>
        message.Letter.Length == 0 ? strings.Text(message.Key, ("number", message.Number))
        : strings.Text(message.Key, ("number", message.Number), ("letter", message.Letter)), strings);

    /// <summary>The letter of the k-th of several references to one note, Wikipedia-style: a, b, … z, aa,
    /// ab, … in the language's alphabet (<c>notes.backlink_letters</c>).</summary>
    public string ReferenceLetter(int index)
    {
        var label = "";
        for (var n = index; n > 0; n = (n - 1) / _letters.Length)
        {
            label = _letters[(n - 1) % _letters.Length] + label;
        }
        return label;
    }

    /// <summary>After a source, the notes citing it: "Cited in notes 1, 3." as HTML, from the notes' links.</summary>
    public string CitedInHtml(IReadOnlyList<string> noteLinks) => noteLinks.Count == 1
        ? strings.Html("sources.cited_in_note", ("note", noteLinks[0]))
        : strings.Html("sources.cited_in_notes", ("notes", string.Join(Templating.Html.Escape(strings.Text("common.list_separator")), noteLinks)));

    /// <summary>How a citation reads: "Human Rights Watch, 26 January 2022".</summary>
    public string Citation(Source source) => PartialDate(source.Date) is { } date
        ? strings.Text("sources.citation", ("publisher", source.Publisher), ("date", date))
        : source.Publisher;

    public string Number(int number) => strings.Numbers.Format(number);

    /// <summary>"4 January 2024", "4 января 2024 г.": the date as written, whatever its offset.</summary>
    public string Date(PublishDate date) => strings.Dates.Format(DateOnly.FromDateTime(date.Value.DateTime));

    /// <summary>A source's date as given: "26 January 2022", "January 2022" or "2022".</summary>
    public string? PartialDate(string? date) => date is null ? null : strings.Dates.FormatIso(date) ?? date;
}
