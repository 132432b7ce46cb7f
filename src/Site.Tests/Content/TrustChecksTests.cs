using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>The mistakes an author can make with the verdict scale, corrections and the type of work
/// (issue 17), each reported at its position like a compiler's.</summary>
public sealed class TrustChecksTests
{
    private const string Scale = """
        title: The Desk
        verdicts:
          - name: Accurate
            meaning: The claim matches the evidence.
            rating: 5
          - name: Figures differ
            meaning: Official and independent figures disagree.
            rating: 3

        """;

    private static string Checked(string verdict) => TestSite.Article(extra: "sources:\n  r: {title: R, publisher: P, url: \"https://example.org/r\"}\n", body: $$"""

        A [claim]{^c}.

        [^c]: {fact-check verdict="{{verdict}}"} See [@r].

        """);

    [Fact]
    public void A_verdict_off_the_scale_is_an_error_that_suggests_the_closest()
    {
        using var site = new TestSite().With("content/site.yml", Scale).With("content/a.md", Checked("Figures difer"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(10,1): error SITE062:", "verdict 'Figures difer', which is not on the site's verdict scale (did you mean 'Figures differ'?); use one of: Accurate, Figures differ"));
    }

    [Fact]
    public void A_free_text_verdict_without_a_scale_is_fine_but_warned_about_under_strict()
    {
        using var site = new TestSite().With("content/a.md", Checked("Close to official figures"));

        Assert.Empty(site.Build().Diagnostics);
        DiagnosticAssert.Exactly(site.Build(strict: true).Diagnostics, ("content/a.md(10,1): warning SITE064:", "free-text verdict 'Close to official figures', which cannot be aggregated"));
    }

    [Fact]
    public void A_verdict_named_twice_on_the_scale_and_a_rating_that_is_not_a_number_are_errors()
    {
        using var site = new TestSite().With("content/site.yml", """
            verdicts:
              - {name: Accurate, meaning: Correct., rating: 5}
              - {name: Accurate, meaning: Also correct., rating: 4}
              - {name: False, meaning: Wrong., rating: low}

            """);

        DiagnosticAssert.Exactly(site.Build().Diagnostics,
            ("content/site.yml(3,5): error SITE063:", "verdict 'Accurate' is on the scale twice"),
            ("content/site.yml(4,44): error SITE005:", "'rating' must be a whole number"));
    }

    [Fact]
    public void A_correction_dated_before_the_article_or_out_of_order_is_an_error()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article(date: "2024-01-04", extra: """
            corrections:
              - {date: 2024-01-03, kind: correction, text: Too early.}
              - {date: 2024-01-09, kind: update, text: Fine.}
              - {date: 2024-01-08T10:00:00+05:00, kind: clarification, text: Out of order.}
              - {date: 2024-01-10, kind: corection, text: A typo in the kind.}

            """));

        DiagnosticAssert.Exactly(site.Build().Diagnostics,
            ("content/a.md(5,5): error SITE065:", "correction 1 is dated 2024-01-03, before the article was published (2024-01-04)"),
            ("content/a.md(7,5): error SITE065:", "correction 3 is dated 2024-01-08T10:00:00+05:00, before correction 2 (2024-01-09); list corrections oldest first"),
            ("content/a.md(8,30): error SITE005:", "correction kind 'corection' is not known (did you mean 'correction'?)"));
    }

    [Fact]
    public void An_unknown_kind_of_work_is_an_error_that_suggests_the_closest()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article(extra: "kind: anaylsis\n"));

        DiagnosticAssert.Exactly(site.Build().Diagnostics, ("content/a.md(4,7): error SITE005:", "kind 'anaylsis' is not known (did you mean 'analysis'?); use news, analysis, opinion, explainer, fact-check"));
    }

    [Fact]
    public void A_correction_note_must_point_to_an_entry_the_article_has()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article(
            extra: "corrections:\n  - {date: 2024-01-03, kind: correction, text: Fixed.}\n",
            body: "\nFixed.[^fix] Context.[^ctx]\n\n[^fix]: {correction entry=\"2\"} Was wrong.\n\n[^ctx]: {context entry=\"1\"} Background.\n"));

        DiagnosticAssert.Exactly(site.Build().Diagnostics,
            ("content/a.md(10,1): error SITE066:", "correction note [^fix] points to entry 2, but the article lists 1 correction(s)"),
            ("content/a.md(12,1): error SITE066:", "'entry' applies only to correction notes, and [^ctx] is a context note"));
    }
}
