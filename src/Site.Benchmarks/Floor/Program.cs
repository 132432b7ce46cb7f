using System.Diagnostics;
using System.Text;
using Markdig;

// The floor of the build benchmark: the least work that still turns the same articles into pages.
// Read each .md file, strip its front matter, render it with a bare Markdig pipeline (footnotes only)
// and write {slug}/index.html, on all cores. No YAML, no validation, no templates, no link checks:
// what Site costs above this is the cost of everything else it does.
//
//   site-floor CONTENT_DIR OUTPUT_DIR

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: site-floor CONTENT_DIR OUTPUT_DIR");
    return 2;
}

var clock = Stopwatch.StartNew();
var contentDir = args[0];
var outputDir = args[1];
var pipeline = new MarkdownPipelineBuilder().UseFootnotes().Build();
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var files = Directory.GetFiles(contentDir, "*.md", SearchOption.AllDirectories);
Directory.CreateDirectory(outputDir);

var written = 0;
Parallel.ForEach(files, file =>
{
    var text = File.ReadAllText(file, utf8);
    var html = Markdown.ToHtml(Floor.StripFrontMatter(text), pipeline);
    var slug = Path.GetFileNameWithoutExtension(file).ToLowerInvariant().Replace(' ', '-');
    var dir = Path.Combine(outputDir, slug);
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, "index.html"), html, utf8);
    Interlocked.Increment(ref written);
});

Console.WriteLine($"floor: wrote {written} pages to {outputDir} in {clock.ElapsedMilliseconds} ms");
return 0;

internal static class Floor
{
    /// <summary>Everything after the closing '---' line of the front matter (or the whole text without one).</summary>
    public static string StripFrontMatter(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return text;
        }
        var firstEnd = text.IndexOf('\n');
        var position = firstEnd < 0 ? text.Length : firstEnd + 1;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineEnd = end < 0 ? text.Length : end;
            var line = text.AsSpan(position, lineEnd - position).TrimEnd(" \t\r");
            if (line.SequenceEqual("---"))
            {
                return end < 0 ? "" : text[(end + 1)..];
            }
            position = lineEnd + 1;
        }
        return text;
    }
}
