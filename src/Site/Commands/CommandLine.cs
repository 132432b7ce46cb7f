using System.Net;
using Site.Diagnostics;
using Site.Generation;
using Site.LinkHealth;
using Site.Preview;

namespace Site.Commands;

/// <summary>What one run was asked to do, read from the command line: the options of build, serve and check,
/// with the site's folders found (see <see cref="SiteRoot"/>).</summary>
/// <param name="TemplatesGiven">Whether --templates was given: only then must the folder exist, as the
/// default theme stands in for a site without templates/.</param>
internal sealed record CommandLine(
    BuildOptions Build,
    bool TemplatesGiven = false,
    DiagnosticFormat Format = DiagnosticFormat.Text,
    bool Quiet = false,
    int Port = 8080,
    IPAddress? Host = null,
    bool External = false,
    ExternalCheckOptions? ExternalOptions = null)
{
    public ServeOptions Serve => new(Build, Port, Host);

    /// <summary>What <c>site check --external</c> was asked to do: the defaults until an option sets one.</summary>
    public ExternalCheckOptions Check => ExternalOptions ?? new ExternalCheckOptions();
}
