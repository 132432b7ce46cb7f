namespace Site.Benchmarks.Harness;

/// <summary>Finds the repository, checks the tools, and publishes the binaries under test into the
/// work folder (intermediate files too, via --artifacts-path: nothing lands in the repository).</summary>
internal sealed class Setup(string repo, string work)
{
    public string Repo { get; } = repo;

    public string Work { get; } = work;

    public string AotSite => Path.Combine(Work, "bin", "aot", "site");

    public string JitSite => Path.Combine(Work, "bin", "jit", "site.dll");

    public string Floor => Path.Combine(Work, "bin", "floor", "site-floor");

    public static string FindRepo()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Site.sln")) && File.Exists(Path.Combine(dir.FullName, "src", "Site", "Site.csproj")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new UsageException("cannot find the repository (a folder with Site.sln and src/Site); run from inside it");
    }

    /// <summary>The work folder must not be the repository or inside it.</summary>
    public static void CheckWork(string repo, string work)
    {
        var r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repo)) + Path.DirectorySeparatorChar;
        var w = Path.TrimEndingDirectorySeparator(Path.GetFullPath(work)) + Path.DirectorySeparatorChar;
        if (w.StartsWith(r, StringComparison.Ordinal) || r.StartsWith(w, StringComparison.Ordinal))
        {
            throw new UsageException($"--work {work} must be outside the repository {repo} (and not contain it)");
        }
    }

    public static void CheckGnuTime()
    {
        if (!File.Exists(ProcessRunner.GnuTime))
        {
            throw new UsageException(
                $"GNU time is needed at {ProcessRunner.GnuTime} to measure CPU time and peak memory. Install it with:\n"
                + "    sudo apt-get install -y time        (Debian/Ubuntu)\n"
                + "    sudo dnf install -y time            (Fedora)");
        }
    }

    /// <summary>Publishes what <paramref name="configs"/> need; with <paramref name="reuse"/>, keeps binaries already there.</summary>
    public void Publish(IReadOnlyCollection<string> configs, bool reuse)
    {
        var site = Path.Combine(Repo, "src", "Site", "Site.csproj");
        var floor = Path.Combine(Repo, "src", "Site.Benchmarks", "Floor", "Floor.csproj");
        if (configs.Contains("aot"))
        {
            Publish("aot", AotSite, reuse, site, "-p:PublishAot=true");
        }
        if (configs.Contains("jit"))
        {
            Publish("jit", JitSite, reuse, site, "-p:PublishAot=false", "--self-contained", "false");
        }
        if (configs.Contains("floor"))
        {
            Publish("floor", Floor, reuse, floor, "-p:PublishAot=true");
        }
    }

    private void Publish(string name, string binary, bool reuse, string project, params string[] extra)
    {
        if (reuse && File.Exists(binary))
        {
            Console.WriteLine($"  {name}: reusing {binary}");
            return;
        }
        var output = Path.GetDirectoryName(binary)!;
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
        Console.WriteLine($"  {name}: dotnet publish {Path.GetRelativePath(Repo, project)} -c Release {string.Join(' ', extra)} → {output}");
        var args = new List<string> { "publish", project, "-c", "Release", "-o", output, "--artifacts-path", Path.Combine(Work, "artifacts", name), "--nologo" };
        args.AddRange(extra);
        var (exit, text, wall) = ProcessRunner.Run("dotnet", args, Repo, TimeSpan.FromMinutes(20));
        if (exit != 0 || !File.Exists(binary))
        {
            throw new InvalidOperationException($"dotnet publish for {name} failed (exit {exit}):\n{text}");
        }
        Console.WriteLine($"    done in {wall:0} s");
    }

    /// <summary>A fresh copy of the repository's templates/, so a theme edited during the run does not change it.</summary>
    public string SnapshotTemplates()
    {
        var target = Path.Combine(Work, "templates");
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        CopyDirectory(Path.Combine(Repo, "templates"), target);
        return target;
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public static void DeleteDirectory(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
