namespace Site.Generation;

/// <summary>Where a build writes its files: a staging folder on disk, or memory for the preview server.</summary>
internal interface ISiteOutput
{
    /// <summary>Writes bytes as they are; the caller does not change them afterwards.</summary>
    /// <param name="path">Relative path with forward slashes, e.g. "my-article/index.html".</param>
    void Write(string path, byte[] content);

    void CopyFile(string source, string path);

    /// <summary>Takes files unchanged from the last build's output, all or none: each only while its length
    /// and write time are those given (nobody touched it since).</summary>
    /// <returns>False, with nothing written, when any file is missing or changed, or there is no earlier output.</returns>
    bool TryCarry(IReadOnlyList<OutputFile> files);
}
