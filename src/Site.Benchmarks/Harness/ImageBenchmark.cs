using System.Diagnostics;
using System.Globalization;
using SkiaSharp;
using Site.Generation;
using Site.Images;

namespace Site.Benchmarks.Harness;

/// <summary>
/// Times the image engine in process: a generated 10-megapixel JPEG made into the default widths
/// (480, 960, 1600) as JPEG and WebP with an empty cache, the same with every variant cached (what a
/// rebuild of an unchanged site pays per photo), and the JPEG decode alone at full and at reduced scale.
/// </summary>
internal sealed class ImageBenchmark(Options options)
{
    private const int Width = 3872, Height = 2592; // 10.04 megapixels, a common 3:2 sensor size

    public int Run()
    {
        var folder = Path.Combine(options.Work, "images");
        Directory.CreateDirectory(folder);
        var source = Path.Combine(folder, "photo-10mp.jpg");
        File.WriteAllBytes(source, GeneratePhoto());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Source: {Width} × {Height} JPEG (q90), {new FileInfo(source).Length / 1024.0:0} KiB; {options.Runs} timed runs each, median"));

        var cold = Time(options.Runs, () => Process(source, EmptyCache(folder), expectHits: false));
        var cache = EmptyCache(folder);
        var made = Process(source, cache, expectHits: false);
        var hit = Time(options.Runs * 4, () => Process(source, cache, expectHits: true));
        var (full, scaled, scaledSize) = DecodeTimes(source);
        var (firstBuild, rebuild, withoutPhoto) = SiteBuilds(folder, source);

        var rows = new List<(string, Timing)>
        {
            ("Resize into 3 widths, JPEG + WebP, empty cache", cold),
            ("Same image, every variant cached (rebuild)", hit),
            ("JPEG decode alone, full size", full),
            ($"JPEG decode alone, scaled to {scaledSize.Width} × {scaledSize.Height}", scaled),
            ("Site build, one bundle with the photo, empty cache", firstBuild),
            ("Site rebuild, photo unchanged (cache hit)", rebuild),
            ("Site build of the same article without the photo", withoutPhoto),
        };
        Console.WriteLine();
        Console.WriteLine("| Images | wall, median | CPU, median |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, timing) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {timing.WallMs:0.0} ms | {timing.CpuMs:0.0} ms |"));
        }
        Console.WriteLine();
        foreach (var variant in made.All)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {variant.FileName,-24} {variant.Width,5} × {variant.Height,-5} {variant.Length / 1024.0,7:0.0} KiB"));
        }
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>Medians of wall time and of this process's CPU time. The engine works on one thread, so on a
    /// machine shared with other work the CPU time is the closer estimate of the time on a quiet one.</summary>
    private sealed record Timing(double WallMs, double CpuMs);

    private Timing Time(int runs, Action action)
    {
        action(); // warm-up: JIT, native library load, file cache
        var (wall, cpu) = (new List<double>(), new List<double>());
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            Machine.WaitUntilQuiet(options.BusyThreshold, TimeSpan.FromSeconds(options.MaxWaitSeconds));
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        return new Timing(Stats.Median(wall), Stats.Median(cpu));
    }

    private static ImageResult Process(string source, ImageCache cache, bool expectHits)
    {
        var result = new ImageEngine(cache, ImageSettings.Default).Process(source);
        var ok = result.Problem is null && (expectHits ? result.Work.Decodes == 0 : result.Work.CacheHits == 0);
        return ok ? result : throw new InvalidOperationException($"unexpected result: {result.Problem?.Message ?? result.Work.ToString()}");
    }

    /// <summary>
    /// Whole builds, in process, of a site whose one article is a bundle holding the photo: with an empty
    /// image cache, again with the cache full (the photo unchanged), and of the same article without the
    /// photo. The last two should cost the same: an unchanged image adds only reading it and its cache entries.
    /// </summary>
    private (Timing First, Timing Rebuild, Timing Without) SiteBuilds(string folder, string photo)
    {
        var templates = Path.GetFullPath("templates");
        if (!File.Exists(Path.Combine(templates, "layout.html")))
        {
            throw new UsageException("run the images benchmark from the repository root: it builds with templates/");
        }
        var site = Path.Combine(folder, "site");
        var bundle = Path.Combine(site, "content", "photo-story");
        Directory.CreateDirectory(bundle);
        var text = string.Join("\n\n", Enumerable.Repeat("The square filled through the afternoon.", 20));
        File.WriteAllText(Path.Combine(bundle, "index.md"),
            $"---\ntitle: Photo story\ndate: 2024-01-05\n---\n\n![The square at noon](photo.jpg \"The square at noon — Credit: Staff\")\n\n{text}\n");
        File.Copy(photo, Path.Combine(bundle, "photo.jpg"));
        var siteOptions = new BuildOptions(Path.Combine(site, "content"), templates, Path.Combine(site, "output"));
        var cache = BundleFiles.CacheFolder(siteOptions.ContentDir);
        void Build()
        {
            var result = SiteBuilder.Build(siteOptions);
            if (!result.Published)
            {
                throw new InvalidOperationException("the benchmark site did not build: " + string.Join("; ", result.Diagnostics));
            }
        }
        var first = Time(options.Runs, () =>
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
            Build();
        });
        var rebuild = Time(options.Runs, Build);
        File.WriteAllText(Path.Combine(bundle, "index.md"), $"---\ntitle: Photo story\ndate: 2024-01-05\n---\n\n{text}\n");
        File.Delete(Path.Combine(bundle, "photo.jpg"));
        var without = Time(options.Runs, Build);
        return (first, rebuild, without);
    }

    private static ImageCache EmptyCache(string folder)
    {
        var path = Path.Combine(folder, "cache");
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        return new ImageCache(path);
    }

    private (Timing Full, Timing Scaled, SKSizeI ScaledSize) DecodeTimes(string source)
    {
        var bytes = File.ReadAllBytes(source);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        var scaledSize = ImageDecoder.DecodeSize(codec, 1600);
        Timing Decode(SKSizeI size) => Time(options.Runs, () =>
        {
            var (bitmap, problem) = ImageDecoder.Decode(codec, size);
            (bitmap ?? throw new InvalidOperationException(problem!.Message)).Dispose();
        });
        return (Decode(codec.Info.Size), Decode(scaledSize), scaledSize);
    }

    /// <summary>A photo-like picture: gradients, shapes with soft and hard edges, and grain on every pixel,
    /// so that it compresses like a real photo rather than like a flat test card.</summary>
    private static byte[] GeneratePhoto()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Height),
                    [new SKColor(70, 120, 190), new SKColor(230, 210, 170), new SKColor(60, 90, 50)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, Width, Height, sky);
            var random = new Random(20260601);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 400; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(60, 220));
                paint.MaskFilter = i % 3 == 0 ? SKMaskFilter.CreateBlur(SKBlurStyle.Normal, random.Next(2, 30)) : null;
                canvas.DrawCircle(random.Next(Width), random.Next(Height), random.Next(10, 300), paint);
            }
        }
        AddGrain(bitmap, new Random(7));
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return encoded.ToArray();
    }

    /// <summary>Sensor noise on every pixel: without it the JPEG is a fifth of a real photo's size and decodes too fast.</summary>
    private static void AddGrain(SKBitmap bitmap, Random random)
    {
        var pixels = bitmap.GetPixelSpan();
        var noise = new byte[pixels.Length];
        random.NextBytes(noise);
        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 4 != 3)
            {
                pixels[i] = (byte)Math.Clamp(pixels[i] + (noise[i] % 17) - 8, 0, 255);
            }
        }
    }
}
