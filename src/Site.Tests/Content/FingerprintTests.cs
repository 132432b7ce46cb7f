using System.IO.Hashing;
using System.Text;
using Site.Content;

namespace Site.Tests.Content;

/// <summary>A fingerprint encodes a string piece by piece; what it hashes must be the string's UTF-8 bytes
/// whole, or every build cache written before would stop matching, and a split surrogate pair would hash as
/// two replacement characters.</summary>
public sealed class FingerprintTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    public void A_string_is_hashed_as_its_utf8_bytes_whatever_its_length(int prefix)
    {
        // A pair of surrogates (𝄞) astride every piece boundary the prefix moves it to, among two- and three-byte characters.
        var text = new string('a', prefix) + "𝄞é—" + string.Concat(Enumerable.Repeat("Ж𝄞x", 300));

        var expected = new XxHash128();
        expected.Append(BitConverter.GetBytes((long)text.Length));
        expected.Append(Encoding.UTF8.GetBytes(text));

        Assert.Equal(Convert.ToHexString(expected.GetHashAndReset()), new Fingerprint().Add(text).Finish());
    }
}
