using System.Text;

namespace Site.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public TempDirectory() => Path = Directory.CreateTempSubdirectory("site-tests-").FullName;

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> (forward slashes) inside this folder.</summary>
    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes UTF-8 text without a BOM, line endings exactly as given.</summary>
    public string Write(string relative, string text) => WriteBytes(relative, Utf8.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
