using System.Text;

namespace Site.Tests.Robustness.Fuzz;

/// <summary>Cuts and corrupts the sample article at the byte level, front matter included: what a crashed
/// editor, a bad merge or a truncated upload leaves behind.</summary>
internal sealed class Mutator(Random random)
{
    private static readonly byte[] Syntax = Encoding.ASCII.GetBytes("[]{}^@*_\\`<>!#|:-=\n\n  \"'&()~+.0123456789");

    public byte[] Mutate(byte[] original)
    {
        var bytes = new List<byte>(original);
        if (random.Next(2) == 0)
        {
            // At a character, not inside one: a cut UTF-8 sequence is only the file reader's business.
            var cut = random.Next(bytes.Count + 1);
            while (cut < bytes.Count && (bytes[cut] & 0xC0) == 0x80)
            {
                cut--;
            }
            bytes.RemoveRange(cut, bytes.Count - cut);
        }
        var edits = random.Next(0, 24);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(10))
            {
                case 0:
                    // Now and then any byte at all; mostly ASCII, controls included, so the file stays readable.
                    bytes[at] = (byte)(random.Next(8) == 0 ? random.Next(256) : random.Next(1, 128));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 200)));
                    break;
                case 2:
                    var length = Math.Min(bytes.Count - at, random.Next(1, 400));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 3:
                    bytes.Insert(at, Syntax[random.Next(Syntax.Length)]);
                    break;
                default:
                    bytes[at] = Syntax[random.Next(Syntax.Length)];
                    break;
            }
        }
        return [.. bytes];
    }
}
