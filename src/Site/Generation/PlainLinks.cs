namespace Site.Generation;

/// <summary>
/// Links of the plain shape almost every page is made of, read without <see cref="Uri"/>: a link to another
/// site as <c>https://host.example/any/path</c>, and a path within the site such as <c>../tags/x/</c>.
/// Parsing each with <see cref="Uri"/> was a tenth of a clean build. Anything else (ports, user names, IP
/// addresses, international hosts, percent escapes, odd characters, a path climbing above the root) is
/// not plain: the caller reads it with <see cref="Uri"/>, so every message stays what it was. The tests
/// compare both readings on crafted and random links.
/// </summary>
internal static class PlainLinks
{
    /// <summary>The host of a link to another site written after its scheme (<c>//host/…</c>), when the host is
    /// a plain DNS name and the rest holds nothing <see cref="Uri"/> would refuse; empty when it is not plain.</summary>
    public static ReadOnlySpan<char> ExternalHost(ReadOnlySpan<char> afterScheme)
    {
        // Uri refuses longer strings; well below its limit, whatever the scheme adds.
        if (afterScheme.Length > 60_000 || !afterScheme.StartsWith("//"))
        {
            return [];
        }
        var rest = afterScheme[2..];
        var hostEnd = rest.IndexOfAny('/', '?', '#');
        var host = hostEnd < 0 ? rest : rest[..hostEnd];
        if (!IsDnsName(host) || (hostEnd >= 0 && !IsPlainRest(rest[hostEnd..])))
        {
            return [];
        }
        return host;
    }

    /// <summary>Labels of ASCII letters, digits and inner hyphens, the last starting with a letter (so no IP
    /// address in any of its spellings), none in the punycode shape (<c>xn--</c>), which Uri decodes.</summary>
    private static bool IsDnsName(ReadOnlySpan<char> host)
    {
        if (host.Length is 0 or > 253)
        {
            return false;
        }
        var lastStart = 0;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || label.ContainsAnyExcept(DnsChars)
                || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
            {
                return false;
            }
            lastStart = range.Start.Value;
        }
        return char.IsAsciiLetter(host[lastStart]);
    }

    /// <summary>A path, query and fragment of printable ASCII Uri keeps as it is, with no second '#'.</summary>
    private static bool IsPlainRest(ReadOnlySpan<char> rest)
    {
        var hash = rest.IndexOf('#');
        return !rest.ContainsAnyExcept(ExternalChars) && (hash < 0 || rest[(hash + 1)..].IndexOf('#') < 0);
    }

    /// <summary>Resolves a relative or root-relative link of the page at <paramref name="pageUrlPath"/> (the
    /// base path and the page's path) as <see cref="Uri"/> would: the target's path and its fragment, when
    /// both the page's path and the link are plain. False when they are not: the caller asks Uri.</summary>
    public static bool TryResolve(string pageUrlPath, string link, out string path, out string? fragment)
    {
        path = "";
        fragment = null;
        var hash = link.IndexOf('#');
        var beforeHash = hash < 0 ? link.AsSpan() : link.AsSpan(0, hash);
        var question = beforeHash.IndexOf('?');
        var linkPath = question < 0 ? beforeHash : beforeHash[..question];
        if (linkPath.IsEmpty || linkPath.StartsWith("//") || !IsPlainPath(linkPath)
            || (question >= 0 && beforeHash[(question + 1)..].ContainsAnyExcept(QueryChars))
            || (hash >= 0 && link.AsSpan(hash + 1).ContainsAnyExcept(FragmentChars))
            || !pageUrlPath.StartsWith('/') || !IsPlainPath(pageUrlPath) || HasDotSegment(pageUrlPath))
        {
            return false;
        }
        var directory = pageUrlPath.AsSpan(0, pageUrlPath.LastIndexOf('/') + 1);
        Span<char> merged = directory.Length + linkPath.Length <= 1024 ? stackalloc char[directory.Length + linkPath.Length] : new char[directory.Length + linkPath.Length];
        if (linkPath[0] == '/')
        {
            merged = merged[..linkPath.Length];
        }
        else
        {
            directory.CopyTo(merged);
        }
        linkPath.CopyTo(merged[(merged.Length - linkPath.Length)..]);
        if (RemoveDotSegments(merged) is not { } resolved)
        {
            return false;
        }
        path = resolved;
        fragment = hash >= 0 && hash + 1 < link.Length ? link[(hash + 1)..] : null;
        return true;
    }

    /// <summary>Letters, digits, "-._~" and '/', with no empty segment inside ("a//b", which Uri may keep or not).</summary>
    private static bool IsPlainPath(ReadOnlySpan<char> path) => !path.ContainsAnyExcept(PathChars) && path.IndexOf("//") < 0;

    /// <summary>Whether a path starting with '/' has a "." or ".." segment.</summary>
    private static bool HasDotSegment(ReadOnlySpan<char> path)
    {
        for (var at = path.IndexOf("/."); at >= 0; at = NextDotStart(path, at))
        {
            var rest = path[(at + 2)..];
            if (rest.IsEmpty || rest[0] == '/' || (rest[0] == '.' && (rest.Length == 1 || rest[1] == '/')))
            {
                return true;
            }
        }
        return false;
    }

    private static int NextDotStart(ReadOnlySpan<char> path, int at)
    {
        var next = path[(at + 1)..].IndexOf("/.");
        return next < 0 ? -1 : at + 1 + next;
    }

    /// <summary>RFC 3986's remove_dot_segments for a path starting with '/'; null when ".." would climb above
    /// the root (Uri's answer there is left to Uri).</summary>
    private static string? RemoveDotSegments(ReadOnlySpan<char> merged)
    {
        if (!HasDotSegment(merged))
        {
            return merged.ToString();
        }
        // Each kept segment is written as "/segment"; the result is never longer than the path.
        Span<char> kept = merged.Length <= 1024 ? stackalloc char[merged.Length + 1] : new char[merged.Length + 1];
        var (length, count) = (0, 0);
        var segments = merged[1..];
        foreach (var range in segments.Split('/'))
        {
            var segment = segments[range];
            var last = range.End.Value == segments.Length;
            if (segment is "." or "..")
            {
                if (segment is "..")
                {
                    if (count == 0)
                    {
                        return null;
                    }
                    length = kept[..length].LastIndexOf('/');
                    count--;
                }
                if (last)
                {
                    kept[length++] = '/';
                }
                continue;
            }
            kept[length++] = '/';
            segment.CopyTo(kept[length..]);
            length += segment.Length;
            count++;
        }
        return kept[..length].ToString();
    }

    private static readonly System.Buffers.SearchValues<char> DnsChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private static readonly System.Buffers.SearchValues<char> PathChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/");

    private static readonly System.Buffers.SearchValues<char> QueryChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/=&");

    private static readonly System.Buffers.SearchValues<char> FragmentChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~");

    /// <summary>What a link to another site may hold after its host and stay plain: '%' is left out, as are
    /// spaces, quotes, brackets and backslashes, which Uri escapes or reads otherwise.</summary>
    private static readonly System.Buffers.SearchValues<char> ExternalChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?#=&+,;:@!$*()");
}
