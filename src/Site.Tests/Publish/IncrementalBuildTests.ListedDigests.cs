using System.Text;
using Site.Generation;

namespace Site.Tests.Publish;

/// <summary>The listed articles' digests kept beside the build cache (listed.bin) spare the models of unchanged
/// articles; they must never keep a listing from being rendered again when it shows something new.</summary>
public sealed partial class IncrementalBuildTests
{
    [Fact]
    public void A_damaged_or_missing_table_of_listed_digests_leaves_the_build_right()
    {
        using var site = new GeneratedSite(new Random(Seed));
        site.BuildAndCompare(new StringBuilder());
        var table = site.Path(".site-cache/build/" + ListedDigests.FileName);
        Assert.True(File.Exists(table));
        foreach (var damage in new[] { "truncated", "one byte flipped", "empty", "missing" })
        {
            var bytes = File.ReadAllBytes(table);
            if (damage == "missing")
            {
                File.Delete(table);
            }
            else
            {
                File.WriteAllBytes(table, damage switch
                {
                    "truncated" => bytes[..(bytes.Length / 2)],
                    "one byte flipped" => Flipped(bytes),
                    _ => [],
                });
            }

            site.BuildAndCompare(new StringBuilder($"seed {Seed}, listed digests {damage}; then {site.ChangeTitle(3)}\n"));
        }
    }

    private static byte[] Flipped(byte[] bytes)
    {
        bytes[bytes.Length / 3] ^= 0x20;
        return bytes;
    }
}
