using System.Text;
using Scriban.Runtime;

namespace Site.Templating;

/// <summary>
/// Where a render writes, one per thread, reused page after page. Not Scriban's own StringBuilderOutput: after
/// each render Scriban empties that with <c>Length = 0</c>, which for a builder grown past one chunk allocates
/// one array as large as the whole page and keeps it, so a thread that once rendered the index of a
/// 10,000-article site (7 million characters) held 15 MB until the end of the build, and paid for the copy.
/// </summary>
internal sealed class PageOutput : IScriptOutput
{
    /// <summary>An article page is about 35,000 characters: a builder up to this size is kept for the next
    /// page; a larger one (a listing of every article) is dropped with its page.</summary>
    private const int KeptCapacity = 256 * 1024;

    private StringBuilder _text = new();

    public void Write(string text, int offset, int count) => _text.Append(text, offset, count);

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>The page written so far: what Scriban's Render returns.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Empties the output for the next page, dropping a large buffer rather than keeping it.</summary>
    public void Clear()
    {
        if (_text.Capacity > KeptCapacity)
        {
            _text = new StringBuilder();
        }
        else
        {
            _text.Clear();
        }
    }
}
