using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using Site.Content;
using Site.Diagnostics;

namespace Site.Commands;

/// <summary>Every option of every command, each defined once and added to the commands it applies to. A value
/// that is not allowed is a parse error with its own message, so a run never starts with it.</summary>
internal static class SiteOptions
{
    public static readonly Option<string?> Content = new("--content", "-c")
    {
        Description = "Articles (**/*.md) and site.yml [default: content/ of the site this folder is in]",
        HelpName = "DIR",
        CustomParser = Path,
    };

    public static readonly Option<string?> Templates = new("--templates")
    {
        Description = "Templates and assets/ that override the default theme file by file [default: templates]",
        HelpName = "DIR",
        CustomParser = Path,
    };

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Where the site is written [default: output]",
        HelpName = "DIR",
        CustomParser = Path,
    };

    public static readonly Option<bool> Drafts = new("--drafts") { Description = "Include articles with draft: true" };

    public static readonly Option<bool> Strict = new("--strict") { Description = "Treat warnings as errors (exit 1)" };

    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Print only problems" };

    public static readonly Option<Uri?> BaseUrl = new("--base-url")
    {
        Description = "The absolute URL the site is published at; overrides base_url in site.yml",
        HelpName = "URL",
        CustomParser = result => Value(result, SiteConfig.ParseBaseUrl, "--base-url must be an absolute http or https URL, not '{0}'"),
    };

    public static readonly Option<DiagnosticFormat> Diagnostics = new("--diagnostics")
    {
        Description = "text (on stderr), json (one JSON document on stdout) or github (workflow commands) [default: text]",
        HelpName = "text|json|github",
        CustomParser = result => Value(result, Format, "--diagnostics must be text, json or github, not '{0}'") ?? DiagnosticFormat.Text,
    };

    public static readonly Option<bool> External = new("--external")
    {
        Description = "Fetch every external link, sources first, and report dead, moved and slow ones",
    };

    public static readonly Option<bool> AllowPrivate = new("--allow-private")
    {
        Description = "Also fetch links to this machine and private networks (never fetched otherwise)",
    };

    public static readonly Option<string?> LinkCache = new("--link-cache")
    {
        Description = "Results of earlier runs [default: .site-cache/links.json]",
        HelpName = "FILE",
        CustomParser = Path,
    };

    public static readonly Option<TimeSpan?> MaxAge = new("--max-age")
    {
        Description = "Reuse results younger than this, like 30m, 12h or 7d [default: 24h]",
        HelpName = "AGE",
        CustomParser = result => Value(result, Age, "--max-age must be a number followed by s, m, h or d, like 12h, not '{0}'"),
    };

    public static readonly Option<TimeSpan?> Timeout = new("--timeout")
    {
        Description = "Seconds to wait for each answer [default: 30]",
        HelpName = "S",
        CustomParser = result => Value(result, Seconds, "--timeout must be a number of seconds greater than 0, like 10 or 0.5, not '{0}'"),
    };

    public static readonly Option<TimeSpan?> Slow = new("--slow")
    {
        Description = "Report links that answer slower than this many seconds [default: 10]",
        HelpName = "S",
        CustomParser = result => Value(result, Seconds, "--slow must be a number of seconds greater than 0, like 10 or 0.5, not '{0}'"),
    };

    public static readonly Option<int> Port = new("--port")
    {
        Description = "Port to listen on; 0 picks a free one [default: 8080]",
        HelpName = "N",
        DefaultValueFactory = _ => 8080,
        CustomParser = result => Value(result, PortNumber, "--port must be a number from 0 to 65535, not '{0}'") ?? 0,
    };

    public static readonly Option<IPAddress?> Host = new("--host")
    {
        Description = "Address to listen on [default: loopback, 127.0.0.1 and ::1]; anything else exposes the preview to the network",
        HelpName = "ADDR",
        CustomParser = result => Value(result, Address, "--host must be an IP address like 127.0.0.1, ::1 or 0.0.0.0, not '{0}'"),
    };

    /// <summary>What an option's value looks like, for the message when it is missing.</summary>
    public static string Example(Option option) => option.HelpName switch
    {
        "URL" => "https://example.org/",
        "text|json|github" => "json",
        "N" => "8080",
        "ADDR" => "127.0.0.1",
        "FILE" => ".site-cache/links.json",
        "AGE" => "24h",
        "S" => "10",
        _ => "DIR",
    };

    /// <summary>A folder or file: anything but an option, which means the value was left out
    /// (<c>--content --drafts</c>).</summary>
    private static string? Path(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (text.StartsWith("--", StringComparison.Ordinal) || text.Length == 0)
        {
            var option = ((OptionResult)result.Parent!).Option;
            result.AddError($"option '{option.Name}' needs a value, e.g. {option.Name} {Example(option)}");
            return null;
        }
        return text;
    }

    /// <summary>The option's one value read by <paramref name="read"/>, or an error with <paramref name="message"/>.</summary>
    private static T? Value<T>(ArgumentResult result, Func<string, T?> read, string message)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (read(text) is { } value)
        {
            return value;
        }
        result.AddError(string.Format(CultureInfo.InvariantCulture, message, text));
        return default;
    }

    private static DiagnosticFormat? Format(string value) =>
        Enum.TryParse<DiagnosticFormat>(value, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(value, out _) ? format : null;

    private static int? PortNumber(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;

    private static IPAddress? Address(string value) =>
        value == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(value.Trim('[', ']'), out var address) ? address : null;

    /// <summary>"90s", "30m", "12h", "7d": a positive whole number and a unit.</summary>
    private static TimeSpan? Age(string value)
    {
        if (value.Length < 2 || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000)
        {
            return null;
        }
        return value[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }

    private static TimeSpan? Seconds(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 3600
            ? TimeSpan.FromSeconds(s)
            : null;
}
