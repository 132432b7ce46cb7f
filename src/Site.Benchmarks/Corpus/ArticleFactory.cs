using System.Globalization;

namespace Site.Benchmarks.Corpus;

/// <summary>Builds article <paramref name="index"/> of a corpus: the same seed and index give the same
/// article, whatever the corpus size (only the site-wide source it cites depends on the size).</summary>
internal sealed class ArticleFactory(ulong seed, int index, IReadOnlyList<SourceModel> siteSources)
{
    public const int NotesPerArticle = 15;
    public const int PhraseNotes = 4;
    public const int RepeatedNotes = 3;
    public const int MultiParagraphNotes = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] LabelWords =
    [
        "budget", "tariff", "census", "turnout", "figures", "estimate", "timeline", "tender", "report", "ruling",
        "price", "deficit", "survey", "contract", "strike", "subsidy", "audit", "wages", "law", "permits",
        "statement", "vote", "quota", "exports", "inquiry", "cap", "protest", "court", "grid", "loan",
    ];

    private readonly Prng _rng = Prng.For(seed, index);

    public ArticleModel Create()
    {
        var rng = _rng;
        var prose = new Prose(rng, Prose.NewFocus(rng));
        var title = prose.Fill(rng.Pick(Vocabulary.Headlines));
        var slug = Prose.Slugify(title, 7) + "-" + (index + 1).ToString(Invariant);
        var year = rng.Range(2015, 2024);
        var month = rng.Range(1, 12);
        var day = rng.Range(1, 28);
        var date = $"{year:D4}-{month:D2}-{day:D2}";
        if (rng.Chance(0.25))
        {
            date += $"T{rng.Range(6, 22):D2}:{rng.Pick(new[] { 0, 15, 30, 45 }):D2}:00{rng.Pick(new[] { "+00:00", "+01:00", "+05:00", "+06:00", "-04:00" })}";
        }
        var sources = new List<SourceModel>();
        for (var k = 0; k < 3; k++)
        {
            var p = rng.Next(Vocabulary.Publishers.Length);
            var sourceYear = Math.Max(2012, year - rng.Range(0, 3));
            var key = Prose.Slugify(Vocabulary.Publishers[p], 3) + "-" + sourceYear.ToString(Invariant);
            if (sources.Any(s => s.Key == key))
            {
                key += "-" + (char)('a' + k);
            }
            var sourceDate = rng.Next(3) switch
            {
                0 => sourceYear.ToString(Invariant),
                1 => $"{sourceYear:D4}-{rng.Range(1, 12):D2}",
                _ => $"{sourceYear:D4}-{rng.Range(1, 12):D2}-{rng.Range(1, 28):D2}",
            };
            var sourceTitle = Prose.Capitalise(prose.Fill($"{rng.Pick(Vocabulary.Documents)} on {{topic}}"));
            sources.Add(new SourceModel(key, sourceTitle, Vocabulary.Publishers[p],
                $"https://{Vocabulary.Domains[p]}/{sourceYear}/{slug}/{k + 1}", sourceDate));
        }
        var article = new ArticleModel
        {
            Slug = slug,
            Title = title,
            Date = date,
            Summary = prose.Fill(rng.Pick(Vocabulary.Sentences)),
            Author = rng.Pick(Vocabulary.Authors),
            Tags = rng.PickDistinct(Vocabulary.Tags, rng.Range(2, 4)),
            Credit = rng.Chance(0.15)
                ? new CreditModel(Prose.Capitalise(rng.Pick(Vocabulary.Outlets)), $"https://{rng.Pick(Vocabulary.Domains)}/{year}/{slug}")
                : null,
            Sources = sources,
        };
        WriteBody(article, prose);
        PlanNotes(article, prose);
        PlaceAnnotations(article, rng);
        WriteNotes(article, prose, year);
        PlaceMarkup(article, rng, year);
        return article;
    }

    private static void WriteBody(ArticleModel article, Prose prose)
    {
        var rng = prose.Rng;
        var target = rng.Range(1150, 1250);
        var headings = rng.PickDistinct(Vocabulary.Headings, 2);
        var listAt = rng.Chance(0.4) ? rng.Range(5, 8) : -1;
        var quoteAt = rng.Chance(0.35) ? rng.Range(2, 4) : -1;
        var words = 0;
        for (var paragraph = 0; words < target; paragraph++)
        {
            if (paragraph is 4 or 9)
            {
                var heading = headings[paragraph == 4 ? 0 : 1];
                article.Blocks.Add(new HeadingBlock(heading));
                words += Prose.CountWords(heading);
            }
            if (paragraph == quoteAt)
            {
                var quote = prose.Fill(rng.Pick(Vocabulary.QuoteSentences));
                article.Blocks.Add(new QuoteBlock(quote));
                words += Prose.CountWords(quote);
            }
            if (paragraph == listAt)
            {
                var items = rng.PickDistinct(Vocabulary.Findings, 3).Select(f => Prose.Capitalise(f) + ".").ToList();
                article.Blocks.Add(new ListBlock(items));
                words += items.Sum(Prose.CountWords);
            }
            var sentences = new List<Sentence>();
            var count = rng.Range(3, 6);
            var templates = rng.PickDistinct(Vocabulary.Sentences, count);
            for (var s = 0; s < count; s++)
            {
                var quoted = rng.Chance(0.1);
                var text = prose.Fill(quoted ? rng.Pick(Vocabulary.QuoteSentences) : templates[s]);
                sentences.Add(new Sentence(text, !quoted));
                words += Prose.CountWords(text);
            }
            article.Blocks.Add(new ParagraphBlock(sentences, paragraph == 0 ? prose.Focus.Place.ToUpperInvariant() : null));
        }
        article.BodyWords = words;
    }

    /// <summary>Fifteen notes: two fact-checks, three context notes, two definitions, a correction and
    /// seven plain notes, four of them (one fact-check included) on phrases.</summary>
    private static void PlanNotes(ArticleModel article, Prose prose)
    {
        var rng = prose.Rng;
        var types = new List<NoteType> { NoteType.FactCheck, NoteType.FactCheck, NoteType.Context, NoteType.Context, NoteType.Context, NoteType.Definition, NoteType.Definition, NoteType.Correction };
        while (types.Count < NotesPerArticle)
        {
            types.Add(NoteType.Plain);
        }
        rng.Shuffle(types);
        var labels = rng.PickDistinct(LabelWords, NotesPerArticle);
        foreach (var (type, label) in types.Zip(labels))
        {
            article.Notes.Add(new NoteModel(label, type));
        }
        var factChecks = article.Notes.Where(n => n.Type == NoteType.FactCheck).ToList();
        factChecks[0].Phrase = true;
        foreach (var note in rng.PickDistinct(article.Notes.Where(n => !n.Phrase && n != factChecks[1]).ToList(), PhraseNotes - 1))
        {
            note.Phrase = true;
        }
        foreach (var note in factChecks)
        {
            note.Verdict = rng.Pick(Vocabulary.Verdicts);
            note.Claimant = rng.Chance(0.7) ? prose.Focus.Name : null;
        }
    }

    /// <summary>Spreads the first reference of every note, in order, and three second references to
    /// earlier point notes evenly over the body's sentences.</summary>
    private static void PlaceAnnotations(ArticleModel article, Prng rng)
    {
        var sentences = article.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Sentences).ToList();
        var events = new List<(int Note, bool First)>();
        var repeated = new HashSet<int>();
        for (var n = 0; n < article.Notes.Count; n++)
        {
            events.Add((n, true));
            if (n is 5 or 9 or 12)
            {
                var candidates = Enumerable.Range(0, n).Where(m => !article.Notes[m].Phrase && !repeated.Contains(m)).ToList();
                if (candidates.Count > 0)
                {
                    var m = rng.Pick(candidates);
                    repeated.Add(m);
                    events.Add((m, false));
                }
            }
        }
        for (var e = 0; e < events.Count; e++)
        {
            var (n, first) = events[e];
            var note = article.Notes[n];
            var from = e * sentences.Count / events.Count;
            var to = Math.Max(from + 1, (e + 1) * sentences.Count / events.Count);
            var length = to - from;
            var offset = rng.Next(length);
            Sentence? chosen = null;
            if (first && note.Phrase)
            {
                for (var k = 0; k < length && chosen is null; k++)
                {
                    var candidate = sentences[from + ((offset + k) % length)];
                    if (candidate.Phraseable && !candidate.HasAnnotations && PickSpan(candidate.Text, rng) is { } span)
                    {
                        chosen = candidate;
                        candidate.PhraseNote = n;
                        (candidate.PhraseStart, candidate.PhraseEnd) = span;
                        note.PhraseText = candidate.PhraseText;
                    }
                }
                if (chosen is null)
                {
                    note.Phrase = false;
                }
            }
            if (chosen is null)
            {
                chosen = sentences[from + offset];
                chosen.References.Add(n);
            }
            if (first && note.Type == NoteType.FactCheck && !note.Phrase)
            {
                note.Claim = ClaimFrom(chosen.Text);
            }
        }
    }

    private void WriteNotes(ArticleModel article, Prose prose, int year)
    {
        var rng = prose.Rng;
        var s = article.Sources;
        var siteSource = siteSources.Count > 0 ? siteSources[index % siteSources.Count].Key : null;
        var factChecks = 0;
        var contexts = 0;
        for (var n = 0; n < article.Notes.Count; n++)
        {
            var note = article.Notes[n];
            string text;
            switch (note.Type)
            {
                case NoteType.FactCheck when factChecks++ == 0:
                    text = prose.Fill("The claim matches the {document} of {org} only in part") + $" [@{s[0].Key}]. "
                        + prose.Fill("A later count by {org} put the figure at {number}") + $" [@{s[1].Key}].";
                    break;
                case NoteType.FactCheck:
                    text = prose.Fill("{org} gave a different figure in its {document}") + $" [@{s[2].Key}]. "
                        + prose.Fill(rng.Pick(Vocabulary.NoteSentences));
                    break;
                case NoteType.Context when contexts++ == 0:
                    text = prose.Fill(rng.Pick(Vocabulary.NoteSentences)) + $" The background is set out in [@{s[0].Key}].";
                    break;
                case NoteType.Context when contexts == 2 && siteSource is not null:
                    text = prose.Fill(rng.Pick(Vocabulary.NoteSentences)) + $" Long-run figures are in [@{siteSource}].";
                    break;
                case NoteType.Definition:
                    var (term, definition) = rng.Pick(Vocabulary.Terms);
                    text = $"A {term} is {definition}. " + prose.Fill(rng.Pick(Vocabulary.NoteSentences));
                    break;
                case NoteType.Correction:
                    text = prose.Fill("An earlier version of this article gave the figure as {number}; the figure published by {org} is {number}.");
                    break;
                default:
                    text = prose.Fill(rng.Pick(Vocabulary.NoteSentences));
                    if (rng.Chance(0.5))
                    {
                        text += " " + prose.Fill(rng.Pick(Vocabulary.NoteSentences));
                    }
                    break;
            }
            if (rng.Chance(0.5))
            {
                var p = rng.Next(Vocabulary.Publishers.Length);
                text += $" ([{Vocabulary.Publishers[p]}, {rng.Pick(Vocabulary.Months)[..3]} {year}](https://{Vocabulary.Domains[p]}/{year}/{article.Slug}/note-{n + 1}))";
            }
            note.Paragraphs.Add(text);
        }
        var multi = rng.PickDistinct(article.Notes.Where(n => n.Type != NoteType.Correction).ToList(), MultiParagraphNotes);
        for (var k = 0; k < multi.Count; k++)
        {
            if (k == 0)
            {
                multi[k].Items = rng.PickDistinct(Vocabulary.Findings, 3).Select(f => Prose.Capitalise(f) + ";").ToList();
                multi[k].Items![^1] = multi[k].Items![^1].TrimEnd(';') + ".";
            }
            multi[k].Paragraphs.Add(prose.Fill(rng.Pick(Vocabulary.NoteSentences)) + " " + prose.Fill(rng.Pick(Vocabulary.NoteSentences)));
        }
    }

    /// <summary>One link and one emphasis, on sentences that carry no annotation.</summary>
    private static void PlaceMarkup(ArticleModel article, Prng rng, int year)
    {
        var free = article.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Sentences).Where(x => x.Phraseable && !x.HasAnnotations).ToList();
        for (var k = 0; k < 2 && free.Count > 0; k++)
        {
            var sentence = free[rng.Next(free.Count)];
            free.Remove(sentence);
            if (PickSpan(sentence.Text, rng) is { } span)
            {
                sentence.Markup = span;
                if (k == 0)
                {
                    var p = rng.Next(Vocabulary.Domains.Length);
                    sentence.LinkUrl = $"https://{Vocabulary.Domains[p]}/{year}/{article.Slug}/background";
                }
            }
        }
    }

    /// <summary>A run of 2–6 whole words inside the sentence (never its first or last word), without
    /// trailing punctuation, or null.</summary>
    private static (int Start, int End)? PickSpan(string text, Prng rng)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
            {
                starts.Add(i);
            }
        }
        if (starts.Count < 5)
        {
            return null;
        }
        var length = rng.Range(2, Math.Min(6, starts.Count - 3));
        var first = rng.Range(1, starts.Count - 1 - length);
        var start = starts[first];
        var end = starts[first + length] - 1;
        while (end > start && ",.;:!?".Contains(text[end - 1]))
        {
            end--;
        }
        var span = text[start..end];
        return span.IndexOfAny(['“', '”', '"', '*', '_', '[', ']', '`', '(', ')']) >= 0 || end <= start ? null : (start, end);
    }

    private static string ClaimFrom(string sentence)
    {
        var words = sentence.TrimEnd('.').Replace("\"", "", StringComparison.Ordinal).Split(' ');
        return string.Join(' ', words.Take(14)) + (words.Length > 14 ? "…" : "");
    }
}
