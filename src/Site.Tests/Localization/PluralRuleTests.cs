using System.Globalization;
using Site.Localization;

namespace Site.Tests.Localization;

/// <summary>
/// The CLDR plural rule evaluator (issue 15), against CLDR's own data: each rule with the samples CLDR
/// publishes for it in plurals.xml (copied as written there, "@integer 2~4, 22~24, …"), for the shipped
/// languages and for languages that use every category and operand.
/// </summary>
public sealed class PluralRuleTests
{
    public static TheoryData<string, string, string> ShippedLanguages => new()
    {
        // The issue's numbers: 0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 101, 111, 1.5.
        { "en", "0 1 2 3 5 11 12 21 22 25 101 111 1.5", "other one other other other other other other other other other other other" },
        { "ru", "0 1 2 3 5 11 12 21 22 25 101 111 1.5", "many one few few many many many one few many one many other" },
        { "kk", "0 1 2 3 5 11 12 21 22 25 101 111 1.5", "other one other other other other other other other other other other other" },
        // Visible fraction digits count: "1.0" is not "1" in English and Russian, but is in Kazakh (n = 1).
        { "en", "1.0 1.00 0.0", "other other other" },
        { "ru", "1.0 21.0 2.0 5.0", "other other other other" },
        { "kk", "1.0 1.00 0.9 1.1", "one one other other" },
    };

    [Theory]
    [MemberData(nameof(ShippedLanguages))]
    public void Shipped_tables_choose_CLDR_categories(string language, string numbers, string categories)
    {
        var rules = ShippedTables.Catalog.Resolve(language).Plural;

        var chosen = numbers.Split(' ').Select(n => rules.Select(decimal.Parse(n, CultureInfo.InvariantCulture)).Name());

        Assert.Equal(categories, string.Join(" ", chosen));
    }

    /// <summary>Rules and samples from CLDR's plurals.xml.</summary>
    public static TheoryData<string, string, string> CldrRules => new()
    {
        { "en", "one", "i = 1 and v = 0 @integer 1" },
        { "en", "other", " @integer 0, 2~16, 100, 1000, 10000, 100000, 1000000, … @decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …" },
        { "ru", "one", "v = 0 and i % 10 = 1 and i % 100 != 11 @integer 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001, …" },
        { "ru", "few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14 @integer 2~4, 22~24, 32~34, 42~44, 52~54, 62, 102, 1002, …" },
        { "ru", "many", "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14 @integer 0, 5~19, 100, 1000, 10000, 100000, 1000000, …" },
        { "ru", "other", " @decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …" },
        { "kk", "one", "n = 1 @integer 1 @decimal 1.0, 1.00, 1.000, 1.0000" },
        { "kk", "other", " @integer 0, 2~16, 100, 1000, 10000, 100000, 1000000, … @decimal 0.0~0.9, 1.1~1.6, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …" },
        // Arabic: all six categories, and n % 100 on decimals (10.0 is "few", 10.1 "other").
        { "ar", "zero", "n = 0 @integer 0 @decimal 0.0, 0.00, 0.000, 0.0000" },
        { "ar", "one", "n = 1 @integer 1 @decimal 1.0, 1.00, 1.000, 1.0000" },
        { "ar", "two", "n = 2 @integer 2 @decimal 2.0, 2.00, 2.000, 2.0000" },
        { "ar", "few", "n % 100 = 3..10 @integer 3~10, 103~110, 1003, … @decimal 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 103.0, 1003.0, …" },
        { "ar", "many", "n % 100 = 11..99 @integer 11~26, 111, 1011, … @decimal 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 111.0, 1011.0, …" },
        { "ar", "other", " @integer 100~102, 200~202, 300~302, 400~402, 500~502, 600, 1000, 10000, 100000, 1000000, … @decimal 0.1~0.9, 1.1~1.7, 10.1, 100.1, 1000.1, …" },
        // Polish: i != 1 inside an and-chain, ranges starting at 0.
        { "pl", "one", "i = 1 and v = 0 @integer 1" },
        { "pl", "few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14 @integer 2~4, 22~24, 32~34, 42~44, 52~54, 62, 102, 1002, …" },
        { "pl", "many", "v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14 @integer 0, 5~19, 100, 1000, 10000, 100000, 1000000, …" },
        { "pl", "other", " @decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …" },
        // French: a list (0,1), the exponent operand e and a negated range (samples with c6 are compact numbers, skipped).
        { "fr", "one", "i = 0,1 @integer 0, 1 @decimal 0.0~1.5" },
        { "fr", "many", "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5 @integer 1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6, … @decimal 1.0000001c6, 1.1c6, 2.0000001c6, …" },
        { "fr", "other", " @integer 2~17, 100, 1000, 10000, 100000, 1c3, 2c3, … @decimal 2.0~3.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, 1.0001c3, …" },
        // Latvian: f and v, and n % 10 on decimals.
        { "lv", "zero", "n % 10 = 0 or n % 100 = 11..19 or v = 2 and f % 100 = 11..19 @integer 0, 10~20, 30, 40, 50, 60, 100, 1000, 10000, 100000, 1000000, … @decimal 0.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …" },
        { "lv", "one", "n % 10 = 1 and n % 100 != 11 or v = 2 and f % 10 = 1 and f % 100 != 11 or v != 2 and f % 10 = 1 @integer 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001, … @decimal 0.1, 1.0, 1.1, 2.1, 3.1, 4.1, 5.1, 6.1, 7.1, 10.1, 100.1, 1000.1, …" },
        { "lv", "other", " @integer 2~9, 22~29, 102, 1002, … @decimal 0.2~0.9, 1.2~1.9, 10.2, 100.2, 1000.2, …" },
        // Welsh: a category for a single number each.
        { "cy", "zero", "n = 0 @integer 0 @decimal 0.0, 0.00, 0.000, 0.0000" },
        { "cy", "one", "n = 1 @integer 1 @decimal 1.0, 1.00, 1.000, 1.0000" },
        { "cy", "two", "n = 2 @integer 2 @decimal 2.0, 2.00, 2.000, 2.0000" },
        { "cy", "few", "n = 3 @integer 3 @decimal 3.0, 3.00, 3.000, 3.0000" },
        { "cy", "many", "n = 6 @integer 6 @decimal 6.0, 6.00, 6.000, 6.0000" },
        { "cy", "other", " @integer 4, 5, 7~20, 100, 1000, 10000, 100000, 1000000, … @decimal 0.1~0.9, 1.1~1.7, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …" },
    };

    [Theory]
    [MemberData(nameof(CldrRules))]
    public void Every_CLDR_sample_falls_in_its_category(string language, string category, string rule)
    {
        var rules = RulesOf(language);
        var samples = Samples(rule);
        Assert.NotEmpty(samples);

        var wrong = samples.Where(s => rules.Select(s).Name() != category).Select(s => $"{s.ToString(CultureInfo.InvariantCulture)} → {rules.Select(s).Name()}").ToList();

        Assert.True(wrong.Count == 0, $"{language} '{category}': {string.Join(", ", wrong)}");
    }

    /// <summary>The operands of UTS #35's table "Plural Operand Examples".</summary>
    [Theory]
    [InlineData("1", 1, 1, 0, 0, 0, 0)]
    [InlineData("1.0", 1, 1, 1, 0, 0, 0)]
    [InlineData("1.00", 1, 1, 2, 0, 0, 0)]
    [InlineData("1.3", 1.3, 1, 1, 1, 3, 3)]
    [InlineData("1.30", 1.3, 1, 2, 1, 30, 3)]
    [InlineData("1.03", 1.03, 1, 2, 2, 3, 3)]
    [InlineData("1.230", 1.23, 1, 3, 2, 230, 23)]
    [InlineData("1200000", 1200000, 1200000, 0, 0, 0, 0)]
    [InlineData("-5.20", 5.2, 5, 2, 1, 20, 2)]
    public void Operands_follow_the_visible_digits(string number, double n, double i, int v, int w, int f, int t)
    {
        var operands = PluralOperands.From(decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture));

        Assert.Equal((decimal)n, operands.N);
        Assert.Equal((decimal)i, operands.I);
        Assert.Equal(new[] { v, w, f, t }, new[] { operands.V, operands.W, operands.F, operands.T }.Select(d => (int)d));
        Assert.Equal(0, operands['e']);
        Assert.Equal(0, operands['c']);
    }

    [Fact]
    public void Legacy_syntax_means_the_same_as_the_modern_one()
    {
        // Russian in the pre-2013 syntax: mod, is, in, not in.
        var legacy = Rules(
            ("one", "v is 0 and i mod 10 is 1 and i mod 100 is not 11"),
            ("few", "v is 0 and i mod 10 in 2..4 and i mod 100 not in 12..14"),
            ("many", "v is 0 and i mod 10 is 0 or v is 0 and i mod 10 in 5..9 or v is 0 and i mod 100 in 11..14"));
        var modern = RulesOf("ru");

        var numbers = Enumerable.Range(0, 1200).Select(n => (decimal)n).Concat(Enumerable.Range(0, 300).Select(n => n / 10.0m));

        Assert.All(numbers, n => Assert.Equal(modern.Select(n), legacy.Select(n)));
    }

    [Fact]
    public void Within_takes_any_value_in_the_range_and_in_only_whole_ones()
    {
        // CLDR's French rule before 2013: "one: n within 0..2 and n is not 2".
        var within = Rules(("one", "n within 0..2 and n is not 2"));
        var @in = Rules(("one", "n in 0..2 and n is not 2"));
        var notWithin = Rules(("one", "n not within 0..2"));

        Assert.Equal(new[] { "one", "one", "one", "other" }, new[] { 0m, 1.5m, 1.99m, 2m }.Select(n => within.Select(n).Name()));
        Assert.Equal(new[] { "one", "other", "one", "other" }, new[] { 0m, 1.5m, 1m, 2m }.Select(n => @in.Select(n).Name()));
        Assert.Equal(new[] { "other", "other", "one" }, new[] { 0m, 1.5m, 2.5m }.Select(n => notWithin.Select(n).Name()));
    }

    [Theory]
    [InlineData("i%10=2..4 and i%100!=12..14", "22 12 2.0", "few other few")]
    [InlineData("  n  =  0 , 2..4 , 10  ", "0 1 3 10 11", "few other few few other")]
    [InlineData("n = 1 or n = 3 and v = 0 or n = 5", "1 1.0 3 3.0 5", "few few few other few")]
    [InlineData("n % 100 = 3..10 @integer 3~10, 103~110 @decimal 3.0, …", "103 110 111", "few few other")]
    [InlineData("n mod 7 = 0 and n != 0", "0 7 14 15", "other few few other")]
    [InlineData("i = 12345678901234567890", "12345678901234567890 1", "few other")]
    public void Edge_syntax_is_read_as_CLDR_defines_it(string rule, string numbers, string categories)
    {
        var rules = Rules(("few", rule));

        var chosen = numbers.Split(' ').Select(n => rules.Select(decimal.Parse(n, CultureInfo.InvariantCulture)).Name());

        Assert.Equal(categories, string.Join(" ", chosen));
    }

    [Theory]
    [InlineData("x = 1", "expected an operand (n, i, v, w, f, t, c or e) at column 1, found 'x'")]
    [InlineData("N = 1", "unexpected 'N' at column 1")]
    [InlineData("n = ", "expected a whole number at the end of the rule")]
    [InlineData("n == 1", "expected a whole number at column 4, found '='")]
    [InlineData("n = 1.5", "unexpected '.' at column 6")]
    [InlineData("n = 4..2", "the range 4..2 is empty")]
    [InlineData("n % 0 = 1", "'n % 0' divides by zero")]
    [InlineData("n = 1 and", "expected an operand (n, i, v, w, f, t, c or e) at the end of the rule")]
    [InlineData("n = 1 or or n = 2", "expected an operand (n, i, v, w, f, t, c or e) at column 10, found 'or'")]
    [InlineData("n = 1 n = 2", "expected 'and', 'or' or the end of the rule at column 7, found 'n'")]
    [InlineData("n 1", "expected '=', '!=', 'is', 'in' or 'within' at column 3, found '1'")]
    [InlineData("n is 1..2", "'is' takes a single value")]
    [InlineData("n = 1,", "expected a whole number at the end of the rule")]
    [InlineData("n = 99999999999999999999999999999999", "the number 99999999999999999999999999999999 is too large")]
    public void Malformed_rules_say_what_is_wrong_and_where(string rule, string message)
    {
        var condition = PluralCondition.Parse(rule, out var error);

        Assert.Null(condition);
        Assert.NotNull(error);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("@integer 0~15, 100, 1000, … @decimal 0.0~1.5, …")]
    public void A_condition_of_samples_alone_is_empty(string rule)
    {
        var condition = PluralCondition.Parse(rule, out var error);

        Assert.Null(error);
        Assert.True(condition!.IsEmpty);
        Assert.False(condition.Matches(PluralOperands.From(0)));
    }

    private static PluralRules RulesOf(string language) =>
        Rules([.. CldrRules.Select(row => row.Data).Where(r => r.Item1 == language && r.Item2 != "other").Select(r => (r.Item2, r.Item3))]);

    private static PluralRules Rules(params (string Category, string Rule)[] rules)
    {
        var conditions = new Dictionary<PluralCategory, PluralCondition>();
        foreach (var (category, rule) in rules)
        {
            Assert.True(PluralCategories.TryParse(category, out var parsed));
            conditions[parsed] = PluralCondition.Parse(rule, out var error) ?? throw new InvalidOperationException(error);
        }
        return new PluralRules(conditions);
    }

    /// <summary>The samples after "@integer" and "@decimal", with "a~b" ranges expanded in steps of the last
    /// digit shown ("0.0~1.5" is 0.0, 0.1, … 1.5); compact numbers ("1c6") are left out.</summary>
    private static List<decimal> Samples(string rule)
    {
        var at = rule.IndexOf('@');
        var samples = new List<decimal>();
        foreach (var item in rule[(at + 1)..].Replace("@integer", ",").Replace("@decimal", ",").Replace("integer", "").Replace("decimal", "").Split(','))
        {
            var text = item.Trim();
            if (text.Length == 0 || text is "…" || text.Contains('c') || text.Contains('e'))
            {
                continue;
            }
            var ends = text.Split('~').Select(e => decimal.Parse(e, CultureInfo.InvariantCulture)).ToArray();
            var step = 1m / (decimal)Math.Pow(10, ends[0].Scale);
            for (var n = ends[0]; n <= ends[^1]; n += step)
            {
                samples.Add(n);
            }
        }
        return samples;
    }
}
