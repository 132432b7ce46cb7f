using System.Globalization;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Site.Markdown;

/// <summary>
/// GitHub-style heading ids ("## Who was there" → "who-was-there", then "who-was-there-1", …), the same as
/// Markdig's AutoIdentifierExtension gives. Ours because that one looks for a free id by counting up from
/// 1 for every heading: 25,000 headings with the same text (100 KB) took it 30 s, and 8 MB never ended.
/// Unlike GitHub's, runs of hyphens become one ("a--note-x" → "a-note-x"): ids with "--" are Site's own
/// (notes, references, sections), and a heading must never capture one. The ids the page's templates write
/// and the article's own id (its slug) are taken before the first heading: see <see cref="Reserve"/>.
/// </summary>
internal sealed class HeadingIdExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.Find<HeadingBlockParser>()!.Closed += OnClosed;
        // Setext headings ("Title" over "=====") are made by the paragraph parser.
        pipeline.BlockParsers.Find<ParagraphBlockParser>()!.Closed += OnClosed;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void OnClosed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading)
        {
            // The id comes from the heading's text, known once its inlines are parsed.
            heading.ProcessInlinesEnd += (inlines, _) => AssignId(inlines, heading);
        }
    }

    /// <summary>A parser context in which headings avoid <paramref name="ids"/>, which the page has already.</summary>
    public static MarkdownParserContext Reserve(IEnumerable<string> ids)
    {
        var context = new MarkdownParserContext();
        context.Properties[typeof(HeadingIdExtension)] = ids;
        return context;
    }

    private static void AssignId(InlineProcessor inlines, HeadingBlock heading)
    {
        var document = inlines.Document;
        var attributes = heading.GetAttributes();
        if (heading.Inline is null || attributes.Id is not null)
        {
            return;
        }
        // The heading as plain text: links, emphasis and code reduced to their words.
        var text = new StringWriter();
        new HtmlRenderer(text) { EnableHtmlForInline = false, EnableHtmlEscape = false }.Render(heading.Inline);
        var id = SingleHyphens(LinkHelper.UrilizeAsGfm(text.ToString()));
        if (document.GetData(typeof(HeadingIdExtension)) is not TakenIds taken)
        {
            taken = new TakenIds();
            if (inlines.Context?.Properties.GetValueOrDefault(typeof(HeadingIdExtension)) is IEnumerable<string> reserved)
            {
                taken.Reserve(reserved);
            }
            document.SetData(typeof(HeadingIdExtension), taken);
        }
        attributes.Id = taken.Claim(id.Length == 0 ? "section" : id);
    }

    private static string SingleHyphens(string id)
    {
        while (id.Contains("--", StringComparison.Ordinal))
        {
            id = id.Replace("--", "-", StringComparison.Ordinal);
        }
        return id.TrimEnd('-');
    }

    /// <summary>Ids in use on the page, and for each base id the suffix to try next: every suffix below it
    /// is taken, so each heading finds its id in constant time on average.</summary>
    private sealed class TakenIds
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

        public void Reserve(IEnumerable<string> ids) => _ids.UnionWith(ids);

        public string Claim(string id)
        {
            if (_ids.Add(id))
            {
                return id;
            }
            var suffix = _nextSuffix.GetValueOrDefault(id, 1);
            string candidate;
            while (!_ids.Add(candidate = id + "-" + suffix.ToString(CultureInfo.InvariantCulture)))
            {
                suffix++;
            }
            _nextSuffix[id] = suffix + 1;
            return candidate;
        }
    }
}
