using Site.Content;

namespace Site.Markdown.Notes;

/// <summary>What a note's <c>{…}</c> block declares, once checked: its kind and, for a fact-check, the claim
/// it checks, the verdict and who made the claim; for a correction, the number of its entry in the article's
/// <c>corrections:</c>.</summary>
internal sealed record NoteType(NoteKind Kind, string? Claim = null, string? Verdict = null, string? Claimant = null, int? Entry = null)
{
    /// <summary>When a fact-check's claim was made: "2024", "2024-01" or "2024-01-03".</summary>
    public string? ClaimDate { get; init; }

    /// <summary>The source key a fact-check names as the claim's venue, as written.</summary>
    public string? AppearanceKey { get; init; }

    /// <summary>That source, once the key is resolved against the article's and the site's sources.</summary>
    public Source? Appearance { get; init; }

    public static readonly NoteType Plain = new(NoteKind.Plain);
}
