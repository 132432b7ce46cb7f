using System.Text;

namespace Site.Tests.Support;

/// <summary>Whole-folder comparison for golden tests: the same files, with the same bytes.</summary>
internal static class DirectoryTree
{
    private const int ContextLines = 3;
    private const int MaxDiffLines = 40;

    /// <summary>Every file under <paramref name="root"/> by its relative path with '/', in ordinal order.</summary>
    public static SortedDictionary<string, byte[]> Read(string root)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            files.Add(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllBytes(path));
        }
        return files;
    }

    /// <summary>Null when both trees are identical; otherwise the missing and extra files and a diff of
    /// the first file whose bytes differ.</summary>
    public static string? Difference(string expectedRoot, string actualRoot) => Difference(Read(expectedRoot), Read(actualRoot));

    /// <inheritdoc cref="Difference(string, string)"/>
    public static string? Difference(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        var report = new StringBuilder();
        foreach (var missing in expected.Keys.Except(actual.Keys))
        {
            report.AppendLine($"missing: {missing}");
        }
        foreach (var extra in actual.Keys.Except(expected.Keys))
        {
            report.AppendLine($"unexpected: {extra}");
        }
        var changed = expected.Keys.Intersect(actual.Keys).Where(name => !expected[name].AsSpan().SequenceEqual(actual[name])).ToList();
        foreach (var name in changed)
        {
            report.AppendLine($"differs: {name}");
        }
        if (changed.Count > 0)
        {
            report.AppendLine().Append(Diff(changed[0], expected[changed[0]], actual[changed[0]]));
        }
        return report.Length == 0 ? null : report.ToString();
    }

    /// <summary>Replaces <paramref name="target"/> with a copy of <paramref name="source"/>.</summary>
    public static void Replace(string source, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        foreach (var (relative, bytes) in Read(source))
        {
            var path = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }

    /// <summary>A unified-style diff of one file: the first changed region with a few lines of context.</summary>
    public static string Diff(string name, byte[] expected, byte[] actual)
    {
        var before = Encoding.UTF8.GetString(expected).Split('\n');
        var after = Encoding.UTF8.GetString(actual).Split('\n');
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }
        if (prefix == before.Length && prefix == after.Length)
        {
            return $"--- expected/{name}\n+++ actual/{name}\n(same text, different bytes: line endings or encoding)\n";
        }
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix
            && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }
        var start = Math.Max(0, prefix - ContextLines);
        var text = new StringBuilder();
        text.AppendLine($"--- expected/{name}").AppendLine($"+++ actual/{name}");
        text.AppendLine($"@@ -{start + 1} +{start + 1} @@");
        var lines = new List<string>();
        lines.AddRange(before[start..prefix].Select(line => " " + line));
        lines.AddRange(before[prefix..(before.Length - suffix)].Select(line => "-" + line));
        lines.AddRange(after[prefix..(after.Length - suffix)].Select(line => "+" + line));
        lines.AddRange(before[(before.Length - suffix)..Math.Min(before.Length, before.Length - suffix + ContextLines)].Select(line => " " + line));
        foreach (var line in lines.Take(MaxDiffLines))
        {
            text.AppendLine(line);
        }
        if (lines.Count > MaxDiffLines)
        {
            text.AppendLine($"... {lines.Count - MaxDiffLines} more lines");
        }
        return text.ToString();
    }
}

internal static class DirectoryAssert
{
    /// <summary>Fails with the missing, extra and differing files, and a diff of the first difference.</summary>
    public static void Identical(string expectedRoot, string actualRoot)
    {
        if (DirectoryTree.Difference(expectedRoot, actualRoot) is { } difference)
        {
            Assert.Fail($"{actualRoot} differs from {expectedRoot}:\n{difference}");
        }
    }
}
