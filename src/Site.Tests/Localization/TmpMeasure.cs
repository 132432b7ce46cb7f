using System.Diagnostics;
using Scriban.Runtime;
using Site.Diagnostics;
using Site.Localization;
using Site.Templating;
using Site.Tests.Support;

namespace Site.Tests.Localization;

public sealed class TmpMeasure(ITestOutputHelper output)
{
    [Fact]
    public void Measure()
    {
        var root = Path.Combine(RepoRoot.Find(), "templates");
        StringsCatalog? catalog = null;
        for (var i = 0; i < 5; i++) { var p = new List<StringsProblem>(); catalog = StringsCatalog.Load([StringsFolder.Read(root, p)], p); }
        var sw = Stopwatch.StartNew();
        const int loads = 50;
        for (var i = 0; i < loads; i++) { var p = new List<StringsProblem>(); catalog = StringsCatalog.Load([StringsFolder.Read(root, p)], p); }
        output.WriteLine($"load 3 tables: {sw.Elapsed.TotalMilliseconds / loads:0.00} ms");
        sw.Restart();
        for (var i = 0; i < loads; i++) { var p = new List<StringsProblem>(); StringsFolder.Read(root, p); }
        output.WriteLine($"read folder: {sw.Elapsed.TotalMilliseconds / loads:0.00} ms");
        var texts = StringsFolder.Read(root, new List<StringsProblem>());
        sw.Restart();
        for (var i = 0; i < loads; i++) { foreach (var t in texts) Site.Content.YamlTree.Parse(t.Text, t.File, 1, new DiagnosticBag()); }
        output.WriteLine($"yaml parse: {sw.Elapsed.TotalMilliseconds / loads:0.00} ms");
        sw.Restart();
        for (var i = 0; i < loads; i++) { catalog!.Resolve("ru"); catalog.Resolve("kk"); catalog.Resolve("en"); }
        output.WriteLine($"resolve 3 languages: {sw.Elapsed.TotalMilliseconds / loads:0.000} ms");
        var ru = catalog!.Resolve("ru");
        sw.Restart();
        for (var i = 0; i < loads; i++) { TemplateStrings.Create(ru); }
        output.WriteLine($"TemplateStrings.Create: {sw.Elapsed.TotalMilliseconds / loads * 1000:0} µs");
        const int n = 1_000_000;
        sw.Restart();
        for (var i = 0; i < n; i++) { ru.Html("reference.name", ("number", i)); }
        output.WriteLine($"Html reference.name: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { ru.Text("articles.count", ("count", i)); }
        output.WriteLine($"Text articles.count plural: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { ru.Text("notes.heading"); }
        output.WriteLine($"Text heading: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { ru.Text("reference.name", ("number", "3")); }
        output.WriteLine($"Text name string arg: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { ru.Text("reference.name", ("number", 3)); }
        output.WriteLine($"Text name int arg: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { Strings.Number(3, "a", "b"); }
        output.WriteLine($"Number: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { ru.Numbers.Format(i); }
        output.WriteLine($"Numbers.Format: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        var m = ru.Messages["reference.name"];
        sw.Restart();
        for (var i = 0; i < n; i++) { m.Other.Render(_ => "3", x => x); }
        output.WriteLine($"Render: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { ru.Plural.Select(i); }
        output.WriteLine($"Plural.Select: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { PluralOperands.From(i); }
        output.WriteLine($"Operands: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        var d = new DateOnly(2024, 1, 4);
        sw.Restart();
        for (var i = 0; i < n; i++) { ru.Dates.Format(d); }
        output.WriteLine($"Dates.Format: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        sw.Restart();
        for (var i = 0; i < n; i++) { d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture); }
        output.WriteLine($"today's DateOnly.ToString: {sw.Elapsed.TotalMilliseconds * 1e6 / n:0} ns");
        using var folder = new TempDirectory();
        folder.Write("templates/a.html", "{{ for n in 1..100 }}{{ t.article.note_count count: n }}{{ end }}");
        folder.Write("templates/b.html", "{{ for n in 1..100 }}{{ n }} notes{{ end }}");
        folder.Write("templates/c.html", "{{ for n in 1..100 }}{{ string.pad_left 'x' 3 }}{{ end }}");
        var templates = TemplateSet.Load(folder.Combine("templates"), [], new DiagnosticBag());
        var g = new ScriptObject { ["t"] = TemplateStrings.Create(ru) };
        for (var i = 0; i < 200; i++) { templates.Render("a.html", g, new DiagnosticBag()); templates.Render("b.html", g, new DiagnosticBag()); }
        sw.Restart();
        for (var i = 0; i < 2000; i++) { templates.Render("a.html", g, new DiagnosticBag()); }
        var a = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        for (var i = 0; i < 2000; i++) { templates.Render("b.html", g, new DiagnosticBag()); }
        var b = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        for (var i = 0; i < 2000; i++) { templates.Render("c.html", g, new DiagnosticBag()); }
        var c = sw.Elapsed.TotalMilliseconds;
        output.WriteLine($"builtin pad_left per call {(c - b) / 2000 / 100 * 1e6:0} ns");
        output.WriteLine($"scriban 100 plural calls: {a / 2000 * 1000:0} µs vs 100 plain: {b / 2000 * 1000:0} µs → per call {(a - b) / 2000 / 100 * 1e6:0} ns");
    }
}
