namespace Site.Tests.Robustness.Injection;

/// <summary>One attempt to run script in a reader's browser. Every payload sets <c>window.__pwned</c> or
/// opens a dialog, which the browser test watches for.</summary>
internal sealed record Vector(string Name, string Text)
{
    public override string ToString() => Name;
}

/// <summary>
/// The corpus: script URLs in every disguise, raw HTML, attribute and element breakouts, JSON-LD breakouts,
/// template syntax and Markdown's own link forms. Each is tried in every place content can put text
/// (<see cref="InjectionPlaces"/>).
/// </summary>
internal static class InjectionVectors
{
    private const string Pwn = "window.__pwned=1";

    public static readonly IReadOnlyList<Vector> All =
    [
        // Script URLs, as links, images, sources and the original publication would carry them.
        new("javascript", $"javascript:{Pwn}"),
        new("javascript mixed case", $"JaVaScRiPt:{Pwn}"),
        new("javascript alert", "javascript:alert(1)"),
        new("javascript hex entity", $"&#x6A;avascript:{Pwn}"),
        new("javascript decimal entity", $"&#106;avascript:{Pwn}"),
        new("javascript padded entities", $"&#0000106&#0000097vascript:{Pwn}"),
        new("javascript entity colon", $"javascript&colon;{Pwn}"),
        new("javascript entity tab", $"java&#x09;script:{Pwn}"),
        new("javascript tab", $"java\tscript:{Pwn}"),
        new("javascript newline", $"java\nscript:{Pwn}"),
        new("javascript leading spaces", $"   javascript:{Pwn}"),
        new("javascript leading control", $"\u0001javascript:{Pwn}"),
        new("javascript comment newline", $"javascript://%0A{Pwn}"),
        new("javascript percent scheme", $"%6Aavascript:{Pwn}"),
        new("vbscript", "vbscript:msgbox(1)"),
        new("vbscript mixed case", "VbScRiPt:msgbox(1)"),
        new("data html", $"data:text/html,<script>{Pwn}</script>"),
        new("data base64", "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+"),
        new("data svg", $"data:image/svg+xml,<svg onload=\"{Pwn}\"/>"),
        new("https with quote", $"https://example.org/\"onmouseover=\"{Pwn}"),
        new("https with tag", $"https://example.org/<script>{Pwn}</script>"),
        new("mailto with tag", $"mailto:desk@example.org?body=</a><script>{Pwn}</script>"),

        // Raw HTML: Markdown passes it through unless HTML is off.
        new("script", $"<script>{Pwn}</script>"),
        new("script upper case", $"<SCRIPT SRC=data:,{Pwn}></SCRIPT>"),
        new("img onerror", $"<img src=x onerror={Pwn}>"),
        new("img onerror alert", "<img src=x onerror=alert(1)>"),
        new("svg onload", $"<svg onload={Pwn}>"),
        new("svg script", $"<svg><script>{Pwn}</script></svg>"),
        new("svg xlink", $"<svg><a xlink:href=\"javascript:{Pwn}\"><text y=\"20\">x</text></a></svg>"),
        new("iframe javascript", $"<iframe src=\"javascript:parent.{Pwn}\"></iframe>"),
        new("iframe srcdoc", $"<iframe srcdoc=\"<script>parent.{Pwn}</script>\"></iframe>"),
        new("object data", $"<object data=\"javascript:{Pwn}\"></object>"),
        new("embed", $"<embed src=\"data:text/html,<script>parent.{Pwn}</script>\">"),
        new("details ontoggle", $"<details open ontoggle={Pwn}>"),
        new("input autofocus", $"<input autofocus onfocus={Pwn}>"),
        new("body onload", $"<body onload={Pwn}>"),
        new("anchor javascript", $"<a href=\"javascript:{Pwn}\">click</a>"),
        new("form action", $"<form action=\"javascript:{Pwn}\"><button>go</button></form>"),
        new("button formaction", $"<button formaction=\"javascript:{Pwn}\">go</button>"),
        new("meta refresh", $"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{Pwn}\">"),
        new("base href", $"<base href=\"javascript:{Pwn}//\">"),
        new("style url", $"<div style=\"background:url(javascript:{Pwn})\">x</div>"),
        new("math mutation", $"<math><mtext><table><mglyph><style><img src=x onerror={Pwn}>"),
        new("split script", $"<scr<script>ipt>{Pwn}</scr</script>ipt>"),

        // Breaking out of the element or attribute the text lands in.
        new("textarea breakout", $"</textarea><script>{Pwn}</script>"),
        new("title breakout", $"</title><script>{Pwn}</script>"),
        new("style breakout", $"</style><script>{Pwn}</script>"),
        new("script breakout", $"</script><script>{Pwn}</script>"),
        new("script breakout upper case", $"</SCRIPT ><script>{Pwn}</script>"),
        new("json-ld breakout", $"\"}}]}}</script><script>{Pwn}</script>"),
        new("json-ld line separators", $"\u2028\u2029</script><script>{Pwn}</script>"),
        new("json-ld comment", $"<!--<script>{Pwn}</script>"),
        new("double quote breakout", $"\"><script>{Pwn}</script>"),
        new("single quote breakout", $"'><img src=x onerror={Pwn}>"),
        new("double quoted event", $"\" onmouseover=\"{Pwn}\" x=\""),
        new("single quoted event", $"' onfocus='{Pwn}' autofocus x='"),
        new("unquoted event", $" onmouseover={Pwn} "),
        new("comment open", "<!--"),
        new("comment close", $"--><script>{Pwn}</script>"),
        new("cdata", $"<![CDATA[<script>{Pwn}</script>]]>"),
        new("right-to-left override", $"\u202E</script><script>{Pwn}</script>"),

        // Syntax of the tools in the pipeline: Markdig extensions, Markdown link forms, Scriban.
        new("generic attributes", $"{{onclick={Pwn}}}"),
        new("generic attributes quoted", $"x {{onmouseover=\"{Pwn}\" #id .class}}"),
        new("markdown link", $"[click](javascript:{Pwn})"),
        new("markdown image", $"![x](javascript:{Pwn})"),
        new("markdown autolink", $"<javascript:{Pwn}>"),
        new("markdown reference", $"[click][js]\n\n[js]: javascript:{Pwn}"),
        new("markdown link title", $"[x](https://example.org/ \"\\\" onmouseover=\\\"{Pwn}\")"),
        new("scriban expression", "{{ 'scriban' + 'Evaluated' }}"),
        new("scriban include", "{{ include '/etc/hostname' }}{{ 'scriban' + 'Evaluated' }}"),
        new("scriban raw block", "{%{ {{ 'scriban' + 'Evaluated' }} }%}"),
        new("escaped entities", $"&lt;script&gt;{Pwn}&lt;/script&gt;"),
        new("numeric entities", $"&#60;script&#62;{Pwn}&#60;/script&#62;"),
        new("unicode escapes", $"\\u003cscript\\u003e{Pwn}\\u003c/script\\u003e"),
    ];
}
