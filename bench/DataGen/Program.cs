using System.Diagnostics;
using System.Globalization;
using Commerce.Bench.DataGen;
using Spectre.Console;

if (GeneratorOptions.TryParse(args, out var error) is not { } options)
{
    if (error.Length > 0)
    {
        Console.Error.WriteLine(error);
        Console.Error.WriteLine();
    }

    Console.Error.WriteLine(GeneratorOptions.Usage);
    return error.Length > 0 ? 2 : 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var clock = Stopwatch.StartNew();
var random = new Random(options.Seed);
var tree = new CategoryTreeGenerator(random);
var categories = tree.Generate(options.Categories);
var products = new ProductGenerator(random, categories.Count);
AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
    "Loading [bold]{0:N0}[/] categories (deep chain of {1} levels, {2} bushy trees) and [bold]{3:N0}[/] products through {4}, seed {5}, {6} in flight",
    categories.Count, tree.DeepChain.Last - tree.DeepChain.First + 1, tree.BushyRoots.Count, options.Products, options.Api, options.Seed, options.Parallel);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Parallel })
{
    BaseAddress = options.Api,
    Timeout = TimeSpan.FromMinutes(2),
};
LoadedIds ids;
LoadTimings timings;
try
{
    (ids, timings) = await AnsiConsole.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
        .StartAsync(ctx => new CatalogApiLoader(options, new CatalogApi(http)).LoadAsync(tree, products, ctx, cancel.Token));
}
catch (LoadFailedException ex)
{
    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
    return 3;
}
catch (OperationCanceledException)
{
    AnsiConsole.MarkupLine("[yellow]Cancelled; what was created so far stays (load again into a fresh database).[/]");
    return 130;
}

var analyze = Stopwatch.StartNew();
await DatabaseMaintenance.VacuumAnalyzeAsync(options.ConnectionString, cancel.Token);
var analyzeTime = analyze.Elapsed;
DatasetManifest.Write(options.ManifestPath, options, tree, ids);
FloorTerms.Write(options.ManifestPath);
var checks = await DatasetChecks.RunAsync(options, ids, cancel.Token);

var table = new Table().AddColumn("phase").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("per second").RightAligned());
void Row(string phase, TimeSpan time, int count) => table.AddRow(phase, time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
    count == 0 ? "" : (count / Math.Max(time.TotalSeconds, 0.001)).ToString("F0", CultureInfo.InvariantCulture));
Row("POST categories", timings.Categories, categories.Count);
Row("POST products", timings.Products, options.Products);
Row("VACUUM ANALYZE", analyzeTime, 0);
Row("total load", timings.Total + analyzeTime, 0);
AnsiConsole.Write(table);

var rules = new Table().AddColumn("check").AddColumn(new TableColumn("found").RightAligned()).AddColumn("ok");
foreach (var check in checks)
{
    rules.AddRow(Markup.Escape(check.Rule), check.Found, check.Holds ? "[green]yes[/]" : "[red]NO[/]");
}

AnsiConsole.Write(rules);
AnsiConsole.MarkupLineInterpolated(
    CultureInfo.InvariantCulture, $"Manifest for bench/wrk: [bold]{options.ManifestPath}[/]. Done in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"LOAD categories={categories.Count} products={options.Products} seconds={(timings.Total + analyzeTime).TotalSeconds:F1}"));
return checks.All(c => c.Holds) ? 0 : 1;
