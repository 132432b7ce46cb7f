using System.Runtime.Versioning;

namespace Site.Tests.Support;

/// <summary>
/// Runs the program as a user that file permissions apply to. Root reads a file whatever its mode, and CI
/// runs as root, so a test of an unreadable file runs the program as "nobody" through setpriv there.
/// </summary>
internal static class Unprivileged
{
    /// <summary>The user and group "nobody" on Debian and most Linux systems, by number, which needs no name lookup.</summary>
    private const string Nobody = "65534";

    /// <summary>
    /// The command to run the program through so that <paramref name="unreadable"/> cannot be read: none
    /// when this user already cannot read it, else setpriv to "nobody", after opening <paramref name="site"/>
    /// to that user (it writes staging folders there). Skips the test, or fails it under CI, when neither works.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static async Task<IReadOnlyList<string>> RunAsForAsync(string unreadable, string site)
    {
        if (!CanRead(unreadable))
        {
            return [];
        }
        string[] setpriv = ["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--"];
        File.SetUnixFileMode(site, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        ProcessResult probe;
        try
        {
            probe = await SiteProcess.RunAsync(site, ["--version"], runAs: setpriv);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            probe = new ProcessResult(-1, "", e.Message);
        }
        if (probe.ExitCode != 0)
        {
            TestEnvironment.Unavailable(
                $"this user can read a file of mode 000 (root?), and the program cannot be run as user {Nobody} with setpriv "
                + $"(util-linux; the .NET host and the test's bin folder must be readable by that user): {probe}");
        }
        return setpriv;
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
