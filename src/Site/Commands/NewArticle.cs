using System.Globalization;
using System.Text;
using Site.Content;

namespace Site.Commands;

/// <summary><c>site new "Title"</c>: content/{slug}.md with front matter, dated now with the machine's
/// offset; never over an existing file.</summary>
internal static class NewArticle
{
    public static int Run(string title, string contentDir, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Any(char.IsControl))
        {
            stderr.WriteLine("site: error: the title must be one line of text, like site new \"Budget vote delayed\"");
            return Cli.BadUsage;
        }
        if (!Directory.Exists(contentDir))
        {
            stderr.WriteLine($"site: error: --content folder '{contentDir}' does not exist; 'site init' starts a site");
            return Cli.BadUsage;
        }
        var slug = Slug.FromText(title);
        var path = Path.Combine(contentDir, slug + ".md");
        var shown = Diagnostics.SitePath.Display(Path.GetFullPath(path));
        try
        {
            // CreateNew: a file that appeared since the check is not overwritten either.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(Encoding.UTF8.GetBytes(Text(title, DateTimeOffset.Now)));
        }
        catch (IOException) when (File.Exists(path))
        {
            stderr.WriteLine($"site: error: '{shown}' already exists; edit it, or choose another title");
            return Cli.BadUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"site: error: cannot write '{shown}': {e.Message}");
            return Cli.BadUsage;
        }
        stdout.WriteLine($"Wrote {shown}");
        return Cli.Success;
    }

    private static string Text(string title, DateTimeOffset now)
    {
        var quoted = title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var date = now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return $"""
            ---
            title: "{quoted}"
            date: {date}
            # summary: "One or two sentences for the index, feeds and search engines."
            # tags: [Politics]
            ---

            Write the article here. A note goes right after the words it explains.[^first]

            [^first]: The note's text. See content/welcome.md for every kind of note, if you started with 'site init'.

            """;
    }
}
