using Site.Localization;

namespace Site.Tests.Localization;

/// <summary>Named placeholders in messages, and numbers in each language's style (issue 15).</summary>
public sealed class MessageTextTests
{
    [Theory]
    [InlineData("Back to reference {number} {letter}", "Back to reference 3 b", "number letter")]
    [InlineData("{year} жылғы {day} {month}", "2024 жылғы 4 қаңтар", "year day month")]
    [InlineData("{number}-бет, барлығы {count}", "3-бет, барлығы 9", "number count")]
    [InlineData("{count} / {count}", "9 / 9", "count")]
    [InlineData("Set {{like this}} or {{{number}}}", "Set {like this} or {3}", "number")]
    [InlineData("}} and {{", "} and {", "")]
    [InlineData("", "", "")]
    [InlineData("Plain text", "Plain text", "")]
    public void Placeholders_are_replaced_by_name_in_any_order(string source, string expected, string placeholders)
    {
        var values = new Dictionary<string, string> { ["number"] = "3", ["letter"] = "b", ["year"] = "2024", ["day"] = "4", ["month"] = "қаңтар", ["count"] = "9" };

        var text = MessageText.Parse(source, out var error);

        Assert.Null(error);
        Assert.Equal(expected, text!.Render(name => values.GetValueOrDefault(name), literal => literal));
        Assert.Equal(placeholders, string.Join(" ", text.Placeholders));
    }

    [Fact]
    public void Only_the_text_goes_through_the_literal_function()
    {
        var text = MessageText.Parse("<{name}>", out _)!;

        Assert.Equal("[<]<b>[>]", text.Render(_ => "<b>", literal => $"[{literal}]"));
    }

    [Fact]
    public void A_placeholder_without_a_value_is_refused_rather_than_left_in_the_page()
    {
        var text = MessageText.Parse("Note {number}", out _)!;

        Assert.Throws<KeyNotFoundException>(() => text.Render(_ => null, literal => literal));
    }

    [Theory]
    [InlineData("Note {number", "'{' at column 6 is not closed; write '{{' for a brace")]
    [InlineData("Note number}", "'}' at column 12 closes nothing; write '}}' for a brace")]
    [InlineData("Note {Number}", "'{Number}' at column 6 is not a placeholder")]
    [InlineData("Note { number }", "'{ number }' at column 6 is not a placeholder")]
    [InlineData("Note {}", "'{}' at column 6 is not a placeholder")]
    [InlineData("Note {1st}", "'{1st}' at column 6 is not a placeholder")]
    [InlineData("Note {номер}", "'{номер}' at column 6 is not a placeholder")]
    public void A_broken_placeholder_says_where(string source, string message)
    {
        Assert.Null(MessageText.Parse(source, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".", ",", 1, "0|7|999|1,000|1,234.5|-12,345.678|1,234,567|0.50")]
    [InlineData(",", "\u00A0", 1, "0|7|999|1\u00A0000|1\u00A0234,5|-12\u00A0345,678|1\u00A0234\u00A0567|0,50")]
    [InlineData(",", ".", 2, "0|7|999|1000|1234,5|-12.345,678|1.234.567|0,50")]
    [InlineData(".", "", 1, "0|7|999|1000|1234.5|-12345.678|1234567|0.50")]
    public void Numbers_are_written_with_the_table_separators(string @decimal, string group, int minimumGroupingDigits, string expected)
    {
        var format = new NumberFormat(@decimal, group, minimumGroupingDigits);

        var written = new[] { 0m, 7m, 999m, 1000m, 1234.5m, -12345.678m, 1234567m, 0.50m }.Select(format.Format);

        Assert.Equal(expected, string.Join("|", written));
    }
}
