using System.Globalization;

namespace Commerce.Bench.DataGen;

/// <summary>The command line of the generator.</summary>
internal sealed record GeneratorOptions(
    Uri Api,
    string ConnectionString,
    int Categories,
    int Products,
    int Seed,
    int Parallel,
    string ManifestPath)
{
    public const string DefaultApi = "http://127.0.0.1:5080";
    public const int DefaultCategories = 5_000;
    public const int DefaultProducts = 100_000;
    public const int DefaultSeed = 20_261_122;
    public const string DefaultManifest = "bench/out/dataset.lua";
    public const int DefaultParallel = 32;

    public const string Usage = """
        Loads a benchmark catalog through the running service's REST API (parallel creates), then checks it.

        Usage: DataGen [options]
          --api <url>        the service                                               default env BENCH_URL or http://127.0.0.1:5080
          --connection <npgsql connection string>  its database, for the checks       default: env ConnectionStrings__Catalog
          --categories <n>   categories, at least 100 (one chain is 100 levels deep)   default 5000
          --products <n>     products                                                 default 100000
          --seed <n>         random seed; the same seed gives the same dataset          default 20261122
          --parallel <n>     requests in flight                                        default 32
          --manifest <path>  where to write the id ranges and search terms for bench/wrk
                             default bench/out/dataset.lua
        The catalog must be empty (a fresh database): the ids the manifest lists are the ones the service gives.
        """;

    /// <returns>The options, or null with <paramref name="error"/> set (empty when only help was asked for).</returns>
    public static GeneratorOptions? TryParse(IReadOnlyList<string> args, out string error)
    {
        error = string.Empty;
        var api = Environment.GetEnvironmentVariable("BENCH_URL") is { Length: > 0 } url ? url : DefaultApi;
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Catalog");
        var categories = DefaultCategories;
        var products = DefaultProducts;
        var seed = DefaultSeed;
        var parallel = DefaultParallel;
        var manifest = DefaultManifest;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value.");
                }

                return args[++i];
            }

            try
            {
                switch (name)
                {
                    case "--connection":
                        connection = Value();
                        break;
                    case "--categories":
                        categories = Count(name, Value(), min: 100);
                        break;
                    case "--products":
                        products = Count(name, Value(), min: 0);
                        break;
                    case "--seed":
                        seed = Count(name, Value(), min: 0);
                        break;
                    case "--parallel":
                        parallel = Count(name, Value(), min: 1);
                        break;
                    case "--api":
                        api = Value();
                        break;
                    case "--manifest":
                        manifest = Value();
                        break;
                    case "-h" or "--help":
                        return null;
                    default:
                        throw new FormatException($"Unknown option {name}.");
                }
            }
            catch (FormatException ex)
            {
                error = ex.Message;
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            error = "No connection string: pass --connection or set ConnectionStrings__Catalog.";
            return null;
        }

        if (!Uri.TryCreate(api.TrimEnd('/') + "/", UriKind.Absolute, out var apiUri))
        {
            error = $"--api '{api}' is not an absolute URL.";
            return null;
        }

        return new GeneratorOptions(apiUri, connection, categories, products, seed, parallel, manifest);
    }

    private static int Count(string name, string text, int min)
    {
        // Accept 1_000_000 and 1,000,000 as well as 1000000.
        var digits = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new FormatException($"{name} must be a whole number of at least {min}.");
        }

        return value;
    }
}
