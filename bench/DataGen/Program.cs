using System.Diagnostics;
using System.Globalization;
using Commerce.Bench.DataGen;
using Commerce.Grains.Storage;
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
var now = CatalogClock.Now(TimeProvider.System);
var random = new Random(options.Seed);
var tree = new CategoryTreeGenerator(random, now);
var categories = tree.Generate(options.Categories);
var products = new ProductGenerator(random, now, categories.Count);
AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
    "Loading [bold]{0:N0}[/] categories (deep chain of {1} levels, {2} bushy trees) and [bold]{3:N0}[/] products, seed {4}",
    categories.Count, tree.DeepChain.Last - tree.DeepChain.First + 1, tree.BushyRoots.Count, options.Products, options.Seed);

LoadTimings timings;
try
{
    timings = await AnsiConsole.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
        .StartAsync(ctx => new CatalogBulkLoader(options).LoadAsync(categories, products, ctx, cancel.Token));
}
catch (CatalogNotEmptyException ex)
{
    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
    return 3;
}
catch (OperationCanceledException)
{
    AnsiConsole.MarkupLine("[yellow]Cancelled; the load was rolled back.[/]");
    return 130;
}

DatasetManifest.Write(options.ManifestPath, options, tree);
var checks = await DatasetChecks.RunAsync(options.ConnectionString, cancel.Token);

var table = new Table().AddColumn("phase").AddColumn(new TableColumn("seconds").RightAligned());
void Row(string phase, TimeSpan time) => table.AddRow(phase, time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
Row("COPY categories", timings.Categories);
Row("COPY products", timings.Products);
Row("build indexes + commit", timings.Indexes);
Row("VACUUM ANALYZE", timings.Analyze);
Row("total load", timings.Total);
AnsiConsole.Write(table);

var rules = new Table().AddColumn("rule").AddColumn(new TableColumn("found").RightAligned()).AddColumn("ok");
foreach (var check in checks)
{
    rules.AddRow(Markup.Escape(check.Rule), check.Found, check.Holds ? "[green]yes[/]" : "[red]NO[/]");
}

AnsiConsole.Write(rules);
AnsiConsole.MarkupLineInterpolated(
    CultureInfo.InvariantCulture, $"Manifest for bench/wrk: [bold]{options.ManifestPath}[/]. Done in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"LOAD categories={categories.Count} products={options.Products} seconds={timings.Total.TotalSeconds:F1}"));
return checks.All(c => c.Holds) ? 0 : 1;
