namespace Site.Diagnostics;

/// <summary>
/// One kind of problem Site reports, and the catalogue of all of them: the only place a code is written.
/// The README's table of codes lists exactly these, in this order (a test compares them).
/// </summary>
/// <param name="Meaning">One line for the README: what the code reports.</param>
internal sealed record DiagnosticCode(string Id, Severity Severity, string Meaning)
{
    private static readonly List<DiagnosticCode> Catalogue = [];

    // Reading content
    public static readonly DiagnosticCode FrontMatter = Define("SITE001", Severity.Error, "An article without front matter, or with front matter that is not closed");
    public static readonly DiagnosticCode YamlSyntax = Define("SITE002", Severity.Error, "YAML that cannot be read: a syntax error, an alias, a duplicate key, nesting too deep");
    public static readonly DiagnosticCode UnknownKey = Define("SITE003", Severity.Error, "An unknown key in front matter, site.yml or a source");
    public static readonly DiagnosticCode MissingKey = Define("SITE004", Severity.Error, "A required key is missing");
    public static readonly DiagnosticCode BadValue = Define("SITE005", Severity.Error, "A value of the wrong type or form");
    public static readonly DiagnosticCode BadSlug = Define("SITE006", Severity.Error, "A slug that is not allowed");
    public static readonly DiagnosticCode DuplicateSlug = Define("SITE007", Severity.Error, "Two articles or pages on one URL, or on URLs that differ only in case");
    public static readonly DiagnosticCode UnreadableFile = Define("SITE008", Severity.Error, "An article that cannot be read: unreadable, not UTF-8, a NUL byte, too large, or changed during the build");
    public static readonly DiagnosticCode LinkLeavesFolder = Define("SITE009", Severity.Error, "A symbolic link to a folder, or to a file outside content/ or templates/");

    // Annotations
    public static readonly DiagnosticCode BadLabel = Define("SITE010", Severity.Error, "An annotation label that is not allowed, or annotation syntax that did not parse");
    public static readonly DiagnosticCode DuplicateDefinition = Define("SITE011", Severity.Error, "A note defined twice");
    public static readonly DiagnosticCode NoDefinition = Define("SITE012", Severity.Error, "A reference to a note that is not defined");
    public static readonly DiagnosticCode EmptyNote = Define("SITE013", Severity.Error, "A note with no text");
    public static readonly DiagnosticCode UnusedDefinition = Define("SITE014", Severity.Warning, "A note that is defined but never referenced");
    public static readonly DiagnosticCode SimilarLabels = Define("SITE015", Severity.Warning, "Two labels that differ only by case, accents or letters that look alike");
    public static readonly DiagnosticCode ReferenceInNote = Define("SITE016", Severity.Error, "A reference inside a note");
    public static readonly DiagnosticCode ReferenceInLink = Define("SITE017", Severity.Error, "A reference inside a link's text or an image's description");
    public static readonly DiagnosticCode PhraseNearMiss = Define("SITE018", Severity.Error, "Phrase-annotation syntax that almost parsed: {^label} apart from its [phrase], after a link or a reference, or with spaces");
    public static readonly DiagnosticCode UnclosedComment = Define("SITE019", Severity.Error, "An HTML comment that is not closed, or that hides text after its end");

    // Markdown
    public static readonly DiagnosticCode LinkScheme = Define("SITE020", Severity.Error, "A link or image whose scheme is not allowed");
    public static readonly DiagnosticCode MarkdownTooDeep = Define("SITE021", Severity.Error, "Lists and quotes nested too deep, or Markdown that could not be processed");
    public static readonly DiagnosticCode TooManyLinkDefinitions = Define("SITE022", Severity.Error, "Too many link definitions in a row");
    public static readonly DiagnosticCode LinkInLink = Define("SITE023", Severity.Error, "A link inside a link's text");

    // Templates and assets
    public static readonly DiagnosticCode TemplateParse = Define("SITE030", Severity.Error, "A template that is missing or cannot be read or parsed (Scriban's parser warnings are warnings)");
    public static readonly DiagnosticCode TemplateRuntime = Define("SITE031", Severity.Error, "A template that fails while rendering, such as an unknown variable");
    public static readonly DiagnosticCode PageTooLarge = Define("SITE032", Severity.Error, "A page larger than 16 MB");
    public static readonly DiagnosticCode TemplateTimeout = Define("SITE033", Severity.Error, "A template that did not finish in time");
    public static readonly DiagnosticCode AssetCopy = Define("SITE034", Severity.Error, "An asset that cannot be copied");
    public static readonly DiagnosticCode NonReproducibleTemplate = Define("SITE035", Severity.Error, "A template that reads the clock or draws random numbers (date.now, math.random, math.uuid)");

    // Site settings
    public static readonly DiagnosticCode SiteSettings = Define("SITE040", Severity.Error, "site.yml cannot be read");

    // Written pages
    public static readonly DiagnosticCode DuplicateId = Define("SITE041", Severity.Error, "Two elements with the same id on a written page");

    // Link check
    public static readonly DiagnosticCode MissingTarget = Define("SITE050", Severity.Error, "A link to a page or file that does not exist, an empty link, or one that leaves the base path");
    public static readonly DiagnosticCode MissingFragment = Define("SITE051", Severity.Error, "A link to a #fragment that names no id on its page");
    public static readonly DiagnosticCode MalformedUrl = Define("SITE052", Severity.Error, "A malformed external URL, or a scheme that is not allowed");

    // External link health (site check --external): warnings, since a publisher's site going down is news
    // for the desk, not a mistake in the article; --strict makes them fail a scheduled run.
    public static readonly DiagnosticCode DeadLink = Define("SITE053", Severity.Warning, "An external link that is dead: an error status, a redirect loop, or no answer after retries");
    public static readonly DiagnosticCode DeadSourceWithoutArchive = Define("SITE054", Severity.Warning, "A dead source with no archive copy");
    public static readonly DiagnosticCode DeadSourceWithArchive = Define("SITE055", Severity.Warning, "A dead source whose archive copy readers can still use");
    public static readonly DiagnosticCode Moved = Define("SITE056", Severity.Warning, "An external link that now redirects to another site or to its site's home page");
    public static readonly DiagnosticCode SlowLink = Define("SITE057", Severity.Warning, "An external link that answers only after the slow threshold");
    public static readonly DiagnosticCode LinkNotChecked = Define("SITE058", Severity.Warning, "An external web link that was not checked: a private address, rate-limited, or not a valid address");

    // Link check, continued: a warning, since the link works from its target's date (see LinkChecker.ReportMissing).
    public static readonly DiagnosticCode ScheduledTarget = Define("SITE059", Severity.Warning, "A link to an article dated in the future, which the build holds back: broken until its date");

    // Note types
    public static readonly DiagnosticCode NoteType = Define("SITE060", Severity.Error, "An unknown note type or attribute, a claim_date that is not a date, or a malformed {…} block");
    public static readonly DiagnosticCode FactCheckIncomplete = Define("SITE061", Severity.Error, "A fact-check without a verdict or a claim");

    // Verdict scale and corrections
    public static readonly DiagnosticCode UnknownVerdict = Define("SITE062", Severity.Error, "A fact-check verdict that is not on the site's verdict scale");
    public static readonly DiagnosticCode VerdictScale = Define("SITE063", Severity.Error, "A verdict named twice on the scale in site.yml");
    public static readonly DiagnosticCode FreeTextVerdict = Define("SITE064", Severity.Warning, "A fact-check verdict that cannot be aggregated, as site.yml defines no verdict scale (reported under --strict)");
    public static readonly DiagnosticCode CorrectionOrder = Define("SITE065", Severity.Error, "A correction dated before the article, or before the correction listed above it");
    public static readonly DiagnosticCode CorrectionEntry = Define("SITE066", Severity.Error, "A correction note whose entry names no correction of the article, or an entry on another type of note");

    // Sources
    public static readonly DiagnosticCode BadSource = Define("SITE070", Severity.Error, "A source entry that is not allowed, or a sources.yml that cannot be read");
    public static readonly DiagnosticCode UndefinedSource = Define("SITE071", Severity.Error, "A citation, or a fact-check's appearance, naming a source key that is not defined");
    public static readonly DiagnosticCode SameSourceUrl = Define("SITE072", Severity.Warning, "The same URL under two source keys");
    public static readonly DiagnosticCode FactCheckWithoutSource = Define("SITE073", Severity.Error, "A fact-check that cites no source");
    public static readonly DiagnosticCode UncitedSource = Define("SITE074", Severity.Warning, "A source that no note cites");
    public static readonly DiagnosticCode SourceDefinedTwice = Define("SITE075", Severity.Error, "A source key defined both in the article and in sources.yml");
    public static readonly DiagnosticCode CitationOutsideNote = Define("SITE076", Severity.Error, "A citation outside a note");
    public static readonly DiagnosticCode CitationInLink = Define("SITE077", Severity.Error, "A citation inside a link's text or an image's description");

    // External link health, continued
    public static readonly DiagnosticCode LinkCacheNotSaved = Define("SITE079", Severity.Warning, "The external link check's cache could not be saved, so the next run asks every site again");

    // Bundles, images, pages and permalinks
    public static readonly DiagnosticCode ImageWithoutAlt = Define("SITE084", Severity.Error, "An image without a description (alt text)");
    public static readonly DiagnosticCode ImageProblem = Define("SITE085", Severity.Error, "An image that cannot be published: missing, outside content/, unreadable, damaged, or too large to decode");
    public static readonly DiagnosticCode AttachmentRefused = Define("SITE086", Severity.Error, "A file beside an article that is not published: one a browser would run, or of a type Site does not publish");
    public static readonly DiagnosticCode PermalinkPattern = Define("SITE087", Severity.Error, "A permalink pattern with an unknown placeholder, or one that is not allowed");
    public static readonly DiagnosticCode UnusedTemplate = Define("SITE088", Severity.Warning, "A template that no page uses");

    // Languages, tags and listings
    public static readonly DiagnosticCode StringsTable = Define("SITE090", Severity.Error, "A strings table (i18n/*.yml) that cannot be read, or a text in it that is not allowed");
    public static readonly DiagnosticCode MissingStrings = Define("SITE091", Severity.Warning, "A language with no strings table, or a text its table leaves out: the English one is used");
    public static readonly DiagnosticCode TagCollision = Define("SITE093", Severity.Error, "Two tags that would share a page, as their slugs are the same");
    public static readonly DiagnosticCode TranslationSameLanguage = Define("SITE095", Severity.Error, "Two articles of one language with the same translation_key");
    public static readonly DiagnosticCode MissingTranslation = Define("SITE096", Severity.Error, "A translation_key no other article has: the translation it names is missing");

    /// <summary>Every code, in order.</summary>
    public static IReadOnlyList<DiagnosticCode> All => Catalogue;

    public override string ToString() => Id;

    /// <summary>Adds to <see cref="Catalogue"/>: static fields initialise in text order, after the list.</summary>
    private static DiagnosticCode Define(string id, Severity severity, string meaning)
    {
        var code = new DiagnosticCode(id, severity, meaning);
        Catalogue.Add(code);
        return code;
    }
}
