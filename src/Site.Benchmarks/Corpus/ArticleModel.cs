namespace Site.Benchmarks.Corpus;

internal enum NoteType
{
    Plain,
    Context,
    Definition,
    FactCheck,
    Correction,
}

/// <summary>One sentence of the body, with the annotations and inline markup placed on it.</summary>
internal sealed class Sentence(string text, bool phraseable)
{
    public string Text { get; } = text;

    /// <summary>No quotation marks: a span of it may become a phrase annotation, a link or emphasis.</summary>
    public bool Phraseable { get; } = phraseable;

    /// <summary>The note whose phrase annotation covers [PhraseStart, PhraseEnd), or -1.</summary>
    public int PhraseNote { get; set; } = -1;

    public int PhraseStart { get; set; }

    public int PhraseEnd { get; set; }

    /// <summary>Notes referenced at the end of the sentence, in order.</summary>
    public List<int> References { get; } = [];

    /// <summary>A span rendered as a link to <see cref="LinkUrl"/>, or as emphasis when LinkUrl is null.</summary>
    public (int Start, int End)? Markup { get; set; }

    public string? LinkUrl { get; set; }

    public bool HasAnnotations => PhraseNote >= 0 || References.Count > 0;

    public string PhraseText => Text[PhraseStart..PhraseEnd];
}

internal abstract record Block;

internal sealed record HeadingBlock(string Text) : Block;

internal sealed record ParagraphBlock(List<Sentence> Sentences, string? Lead) : Block;

internal sealed record QuoteBlock(string Text) : Block;

internal sealed record ListBlock(List<string> Items) : Block;

internal sealed class NoteModel(string label, NoteType type)
{
    public string Label { get; } = label;

    public NoteType Type { get; } = type;

    /// <summary>Planned as a phrase annotation (its first reference wraps a phrase).</summary>
    public bool Phrase { get; set; }

    public string? Verdict { get; set; }

    public string? Claimant { get; set; }

    /// <summary>For a fact-check on a point reference: the claim, taken from the sentence.</summary>
    public string? Claim { get; set; }

    /// <summary>For a fact-check on a phrase: the phrase.</summary>
    public string? PhraseText { get; set; }

    /// <summary>Markdown paragraphs; sources are cited as [@key].</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>Optional list after the first paragraph.</summary>
    public List<string>? Items { get; set; }
}

internal sealed record SourceModel(string Key, string Title, string Publisher, string Url, string Date);

internal sealed record CreditModel(string Name, string Url);

internal sealed class ArticleModel
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Date { get; init; }

    public required string Summary { get; init; }

    public required string Author { get; init; }

    public required List<string> Tags { get; init; }

    public CreditModel? Credit { get; init; }

    public required List<SourceModel> Sources { get; init; }

    public List<Block> Blocks { get; } = [];

    public List<NoteModel> Notes { get; } = [];

    public int BodyWords { get; set; }
}
