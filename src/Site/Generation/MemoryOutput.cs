using System.Collections.Concurrent;

namespace Site.Generation;

/// <summary>A build kept in memory, path → bytes; the preview server serves these and nothing else.</summary>
internal sealed class MemoryOutput : ISiteOutput
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void Write(string path, byte[] content) => _files[path] = content;

    public void CopyFile(string source, string path) => _files[path] = File.ReadAllBytes(source);

    /// <summary>A build in memory starts empty: its cache keeps the bytes instead.</summary>
    public bool TryCarry(IReadOnlyList<OutputFile> files) => false;
}
