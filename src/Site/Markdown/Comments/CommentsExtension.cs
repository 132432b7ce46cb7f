using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Site.Diagnostics;

namespace Site.Markdown.Comments;

/// <summary>
/// Editorial comments, <c>&lt;!-- TODO: check with the desk --&gt;</c>, are taken out of the article: never
/// shown, never in the page's source (also with <c>allow_html</c>), and never holding a reference. A comment
/// that starts a line and is left open would hide the rest of the article, so it is an error at its start;
/// an unclosed "&lt;!--" within a sentence stays text, as in CommonMark.
/// </summary>
internal sealed class CommentsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<CommentBlockParser>())
        {
            // First: before the HTML block parser (with allow_html) and the paragraph parser.
            pipeline.BlockParsers.Insert(0, new CommentBlockParser());
        }
        if (!pipeline.InlineParsers.Contains<CommentInlineParser>())
        {
            // Before the autolink parser, which takes '<' for raw HTML, and the note parser: a comment is read whole.
            pipeline.InlineParsers.Insert(0, new CommentInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready(new Nothing<CommentBlock>());
            html.ObjectRenderers.AddIfNotAlready(new Nothing<CommentInline>());
        }
    }

    /// <summary>Reports comments that do not end, or that hide text after their end on the same line.</summary>
    public static void Check(MarkdownDocument document, string file, DiagnosticBag diagnostics)
    {
        foreach (var node in document.Descendants())
        {
            var problem = node switch
            {
                CommentBlock { IsTerminated: false } =>
                    "this HTML comment is not closed, so it would hide the rest of the text; end it with '-->' (to show '<!--' itself, use a `code span`)",
                CommentBlock { HasTextAfter: true } =>
                    "text after '-->' on a comment's last line is hidden with the comment; start it on a line of its own",
                _ => null,
            };
            if (problem is not null)
            {
                diagnostics.Report(DiagnosticCode.UnclosedComment, node.At(file), problem);
            }
        }
    }

    private sealed class Nothing<T> : HtmlObjectRenderer<T>
        where T : MarkdownObject
    {
        protected override void Write(HtmlRenderer renderer, T obj)
        {
        }
    }
}
