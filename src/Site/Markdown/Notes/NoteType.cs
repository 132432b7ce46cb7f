namespace Site.Markdown.Notes;

/// <summary>What a note's <c>{…}</c> block declares, once checked: its kind and, for a fact-check, the claim
/// it checks, the verdict and who made the claim; for a correction, the number of its entry in the article's
/// <c>corrections:</c>.</summary>
internal sealed record NoteType(NoteKind Kind, string? Claim = null, string? Verdict = null, string? Claimant = null, int? Entry = null)
{
    public static readonly NoteType Plain = new(NoteKind.Plain);
}
