using System.Globalization;
using Site.Content;
using Site.Markdown.Notes;

namespace Site.Localization;

/// <summary>
/// Every word Site itself writes into a page (templates bring their own): section headings, accessible
/// names, note types, dates. English only for now; a table per language replaces this one instance.
/// </summary>
internal sealed class PageText
{
    public static readonly PageText English = new();

    private PageText()
    {
    }

    public string NotesHeading => "Notes";

    public string SourcesHeading => "Sources";

    /// <summary>Introduces a fact-check's claim: "Claim: “…”".</summary>
    public string Claim => "Claim:";

    /// <summary>Who made a fact-check's claim, when and where, as far as the note says:
    /// "Kassym-Jomart Tokayev, 3 January 2024, The Astana Times"; null when it says none of these.</summary>
    public string? ClaimOrigin(NoteType claim)
    {
        string?[] parts = [claim.Claimant, PartialDate(claim.ClaimDate), claim.Appearance?.Publisher];
        var given = parts.OfType<string>().ToList();
        return given.Count == 0 ? null : string.Join(", ", given);
    }

    /// <summary>The label above the headline.</summary>
    public string TypeOfWork(TypeOfWork kind) => kind switch
    {
        Content.TypeOfWork.Analysis => "Analysis",
        Content.TypeOfWork.Opinion => "Opinion",
        Content.TypeOfWork.Explainer => "Explainer",
        Content.TypeOfWork.FactCheck => "Fact check",
        _ => "News",
    };

    /// <summary>The kind of a dated entry in the corrections box.</summary>
    public string CorrectionKind(CorrectionKind kind) => kind switch
    {
        Content.CorrectionKind.Clarification => "Clarification",
        Content.CorrectionKind.Update => "Update",
        _ => "Correction",
    };

    /// <summary>A correction note's link to its dated entry in the corrections box.</summary>
    public string SeeCorrection(int number) => $"See correction {Number(number)}";

    public string ArchivedCopy => "Archived copy";

    /// <summary>The accessible name of a table's scrolling region.</summary>
    public string Table => "Table";

    /// <summary>The title of the 404 page.</summary>
    public string PageNotFound => "Page not found";

    /// <summary>The visible type of a note, "Fact-check"; empty for a plain note.</summary>
    public string NoteType(NoteKind kind) => kind switch
    {
        NoteKind.Context => "Context",
        NoteKind.Definition => "Definition",
        NoteKind.FactCheck => "Fact-check",
        NoteKind.Correction => "Correction",
        _ => "",
    };

    /// <summary>A reference's accessible name: "Note 3", or "Note 3, fact-check" for a typed note.</summary>
    public string NoteName(int number, NoteKind kind = NoteKind.Plain) =>
        kind == NoteKind.Plain ? $"Note {Number(number)}" : $"Note {Number(number)}, {NoteType(kind).ToLowerInvariant()}";

    /// <summary>A back-link's accessible name, ending in the letter it shows: "Back to reference 3 b".</summary>
    public string BackToReference(int number, string letter) =>
        letter.Length == 0 ? $"Back to reference {Number(number)}" : $"Back to reference {Number(number)} {letter}";

    /// <summary>The visible text of the control that opens a clipped margin note.</summary>
    public string More => "more";

    /// <summary>That control's accessible name, containing its visible text: "More of note 3".</summary>
    public string MoreOfNote(int number) => $"More of note {Number(number)}";

    /// <summary>a, b, … z, aa, ab, …: Wikipedia's labels for the k-th of several references to one note.</summary>
    public string ReferenceLetter(int index)
    {
        var label = "";
        for (var n = index; n > 0; n = (n - 1) / 26)
        {
            label = (char)('a' + ((n - 1) % 26)) + label;
        }
        return label;
    }

    /// <summary>Starts the list of notes citing a source: "Cited in note" or "Cited in notes".</summary>
    public string CitedIn(int notes) => notes == 1 ? "Cited in note" : "Cited in notes";

    /// <summary>How a citation reads: "Human Rights Watch, 26 January 2022".</summary>
    public string Citation(Source source) => PartialDate(source.Date) is { } date ? $"{source.Publisher}, {date}" : source.Publisher;

    public string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"4 January 2024".</summary>
    public string Date(PublishDate date) => date.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A source's date as given: "26 January 2022", "January 2022" or "2022".</summary>
    public string? PartialDate(string? date) => date?.Length switch
    {
        10 => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        7 => DateOnly.ParseExact(date + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => date,
    };
}
