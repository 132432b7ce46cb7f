using System.Globalization;

namespace Site.Localization;

/// <summary>
/// Reads CLDR plural rule syntax (UTS #35, "Plural rules syntax"), the modern form (<c>=</c>, <c>!=</c>,
/// <c>%</c>) and the older one (<c>is</c>, <c>is not</c>, <c>in</c>, <c>not in</c>, <c>within</c>,
/// <c>mod</c>) alike:
/// <code>
/// condition  = and_condition ('or' and_condition)*
/// and_condition = relation ('and' relation)*
/// relation   = expr ('=' | '!=' | 'is' 'not'? | 'not'? 'in' | 'not'? 'within') range_list
/// expr       = operand (('mod' | '%') value)?
/// range_list = (value | value '..' value) (',' range_list)*
/// </code>
/// </summary>
internal sealed class PluralConditionParser
{
    private const string Operands = "nivwftce";

    private readonly List<Token> _tokens;
    private int _next;

    private PluralConditionParser(List<Token> tokens) => _tokens = tokens;

    public static PluralCondition? Parse(string text, out string? error)
    {
        try
        {
            var parser = new PluralConditionParser(Tokenize(text));
            var condition = parser.Condition();
            error = null;
            return condition;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private PluralCondition Condition()
    {
        var anyOf = new List<IReadOnlyList<PluralRelation>>();
        if (Peek.Kind == TokenKind.End)
        {
            return PluralCondition.Never;
        }
        do
        {
            var allOf = new List<PluralRelation> { Relation() };
            while (TryWord("and"))
            {
                allOf.Add(Relation());
            }
            anyOf.Add(allOf);
        }
        while (TryWord("or"));
        if (Peek.Kind != TokenKind.End)
        {
            throw Expected("'and', 'or' or the end of the rule");
        }
        return new PluralCondition(anyOf);
    }

    private PluralRelation Relation()
    {
        var operand = Take();
        if (operand.Kind != TokenKind.Word || operand.Text.Length != 1 || !Operands.Contains(operand.Text[0], StringComparison.Ordinal))
        {
            throw Unexpected(operand, "an operand (n, i, v, w, f, t, c or e)");
        }
        decimal? modulus = null;
        if (TrySymbol("%") || TryWord("mod"))
        {
            modulus = Value();
            if (modulus == 0)
            {
                throw new FormatException($"'{operand.Text} % 0' divides by zero");
            }
        }
        var (negated, within, single) = Operator();
        var ranges = RangeList();
        if (single && (ranges.Count > 1 || ranges[0].From != ranges[0].To))
        {
            throw new FormatException("'is' takes a single value; use '=' for ranges and lists");
        }
        return new PluralRelation(operand.Text[0], modulus, negated, within, ranges);
    }

    /// <summary>The comparison: whether it is negated, whether it is <c>within</c> (any value in range),
    /// and whether it is <c>is</c>, which takes a single value.</summary>
    private (bool Negated, bool Within, bool Single) Operator()
    {
        if (TrySymbol("="))
        {
            return (false, false, false);
        }
        if (TrySymbol("!="))
        {
            return (true, false, false);
        }
        if (TryWord("is"))
        {
            return (TryWord("not"), false, true);
        }
        var negated = TryWord("not");
        if (TryWord("in"))
        {
            return (negated, false, false);
        }
        if (TryWord("within"))
        {
            return (negated, true, false);
        }
        throw Expected("'=', '!=', 'is', 'in' or 'within'");
    }

    private List<PluralRange> RangeList()
    {
        var ranges = new List<PluralRange>();
        do
        {
            var from = Value();
            var to = TrySymbol("..") ? Value() : from;
            if (to < from)
            {
                throw new FormatException($"the range {from}..{to} is empty; write the smaller number first");
            }
            ranges.Add(new PluralRange(from, to));
        }
        while (TrySymbol(","));
        return ranges;
    }

    private decimal Value()
    {
        var token = Take();
        if (token.Kind != TokenKind.Number)
        {
            throw Unexpected(token, "a whole number");
        }
        if (!decimal.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"the number {token.Text} is too large");
        }
        return value;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[Peek.Kind == TokenKind.End ? _next : _next++];

    private bool TryWord(string word) => TryTake(TokenKind.Word, word);

    private bool TrySymbol(string symbol) => TryTake(TokenKind.Symbol, symbol);

    private bool TryTake(TokenKind kind, string text)
    {
        if (Peek.Kind == kind && Peek.Text == text)
        {
            _next++;
            return true;
        }
        return false;
    }

    private FormatException Expected(string what) => Unexpected(Peek, what);

    private static FormatException Unexpected(Token token, string what) =>
        new(token.Kind == TokenKind.End
            ? $"expected {what} at the end of the rule"
            : $"expected {what} at column {token.Column}, found '{token.Text}'");

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        // Samples ("@integer 1, 21, 31, …") document the rule; they are not part of it.
        while (i < text.Length && text[i] != '@')
        {
            var c = text[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsAsciiLetterLower(c))
            {
                while (i < text.Length && char.IsAsciiLetterLower(text[i]))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Word, text[start..i], start + 1));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Number, text[start..i], start + 1));
            }
            else if (Symbol(text, i) is { } symbol)
            {
                i += symbol.Length;
                tokens.Add(new Token(TokenKind.Symbol, symbol, start + 1));
            }
            else
            {
                throw new FormatException($"unexpected '{c}' at column {start + 1}");
            }
        }
        tokens.Add(new Token(TokenKind.End, "", i + 1));
        return tokens;
    }

    private static string? Symbol(string text, int i) => text.AsSpan(i) switch
    {
        ['!', '=', ..] => "!=",
        ['.', '.', ..] => "..",
        ['=', ..] => "=",
        ['%', ..] => "%",
        [',', ..] => ",",
        _ => null,
    };

    private enum TokenKind
    {
        Word,
        Number,
        Symbol,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Column);
}
