using System.Text.Json;
using System.Text.Json.Serialization;

namespace Site.LinkHealth;

/// <summary>
/// Results of earlier runs, so that a daily check does not ask every publisher again: an entry younger than
/// the age limit is reused without a request. The file is the tool's own: one that cannot be read, is not
/// valid JSON, or is of another format or version is ignored (and replaced on save), never trusted in part.
/// Saving writes a temporary file beside it and renames it over, so a reader never sees half a file.
/// Safe to use from parallel checks.
/// </summary>
internal sealed class LinkCache
{
    private const string Format = "site-link-health";
    private const int Version = 1;

    private readonly string _path;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, CacheEntry> _entries;
    private readonly Lock _lock = new();

    private LinkCache(string path, TimeSpan maxAge, TimeProvider time, Dictionary<string, CacheEntry> entries)
    {
        _path = path;
        _maxAge = maxAge;
        _time = time;
        _entries = entries;
    }

    public static LinkCache Load(string path, TimeSpan maxAge, TimeProvider time)
    {
        var entries = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        if (Read(path) is { } file)
        {
            foreach (var entry in file.Links)
            {
                entries[entry.Url] = entry;
            }
        }
        return new LinkCache(path, maxAge, time, entries);
    }

    /// <summary>The result stored for <paramref name="url"/>, if it was checked within the age limit.</summary>
    public LinkResult? TryGet(string url)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(url, out var entry) && IsFresh(entry) ? entry.ToResult() : null;
        }
    }

    public void Put(string url, LinkResult result)
    {
        lock (_lock)
        {
            _entries[url] = CacheEntry.From(url, _time.GetUtcNow(), result);
        }
    }

    /// <summary>Writes the fresh entries, sorted by URL. Throws <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> when the folder cannot be written.</summary>
    public void Save()
    {
        CacheFile file;
        lock (_lock)
        {
            file = new CacheFile(Format, Version, [.. _entries.Values.Where(IsFresh).OrderBy(e => e.Url, StringComparer.Ordinal)]);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temporary = $"{_path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(file, LinkCacheJson.Default.CacheFile));
            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>An entry from the future (a clock put back, a file edited by hand) is not fresh either.</summary>
    private bool IsFresh(CacheEntry entry)
    {
        var age = _time.GetUtcNow() - entry.Checked;
        return age >= TimeSpan.Zero && age < _maxAge;
    }

    private static CacheFile? Read(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(path), LinkCacheJson.Default.CacheFile);
            return file is { Format: Format, Version: Version } && file.Links.TrueForAll(e => e is not null && Enum.IsDefined(e.Status))
                ? file
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // No cache, or one that is not ours: start afresh, as on the first run.
            return null;
        }
    }
}

internal sealed record CacheFile(string Format, int Version, List<CacheEntry> Links);

internal sealed record CacheEntry(string Url, DateTimeOffset Checked, LinkStatus Status, string Message, int? StatusCode, string? FinalUrl, double? ElapsedMs)
{
    public static CacheEntry From(string url, DateTimeOffset now, LinkResult result) =>
        new(url, now, result.Status, result.Message, result.StatusCode, result.FinalUrl, result.Elapsed?.TotalMilliseconds);

    public LinkResult ToResult() =>
        new(Status, Message, StatusCode, FinalUrl, ElapsedMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true)]
[JsonSerializable(typeof(CacheFile))]
internal sealed partial class LinkCacheJson : JsonSerializerContext;
