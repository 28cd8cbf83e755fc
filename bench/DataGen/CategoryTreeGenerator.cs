using Commerce.Grains.Categories;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Bench.DataGen;

/// <summary>
/// A generated category. <see cref="Id"/> is its number in the dataset (1, 2, … parents first); the service gives it
/// its own id when the loader creates it, the same one on a fresh database.
/// </summary>
internal sealed record CategoryRow(long Id, long? ParentId, string Name, long[] Path)
{
    public int Level => Path.Length;
}

/// <summary>
/// Builds the category tree: one chain exactly <see cref="CategoryTreeLimits.MaxLevel"/> levels deep (ids 1–100),
/// then many bushy trees grown breadth-first, every parent before its children. Sibling names are unique after
/// trim, NFC and case folding, as the service demands.
/// </summary>
internal sealed class CategoryTreeGenerator(Random random)
{
    /// <summary>Bushy trees stop growing below this level, so their subtrees stay wide rather than deep.</summary>
    private const int MaxBushyLevel = 6;

    private readonly Dictionary<long, HashSet<string>> _siblingKeys = [];
    private readonly List<CategoryRow> _rows = [];

    public IReadOnlyList<CategoryRow> Rows => _rows;

    /// <summary>The deep chain's ids, root first.</summary>
    public (long First, long Last) DeepChain { get; private set; }

    /// <summary>Roots of the bushy trees (each with a large subtree).</summary>
    public IReadOnlyList<long> BushyRoots => _bushyRoots;

    private readonly List<long> _bushyRoots = [];

    public IReadOnlyList<CategoryRow> Generate(int count)
    {
        if (count < CategoryTreeLimits.MaxLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"At least {CategoryTreeLimits.MaxLevel} categories are needed for the deep chain.");
        }

        CategoryRow? parent = null;
        for (var level = 1; level <= CategoryTreeLimits.MaxLevel; level++)
        {
            var name = level == 1 ? "Deep chain · Глубокая цепочка · 深い階層" : $"Level {level} · Уровень {level} · 第{level}層";
            parent = Add(parent, name);
        }

        DeepChain = (1, CategoryTreeLimits.MaxLevel);

        var remaining = count - CategoryTreeLimits.MaxLevel;
        var rootCount = Math.Clamp(remaining / 200, 1, 50);
        var queue = new Queue<CategoryRow>();
        while (remaining > 0)
        {
            if (queue.Count == 0)
            {
                // Start (or, when every tree reached MaxBushyLevel, restart with) a batch of roots.
                for (var i = 0; i < rootCount && remaining > 0; i++, remaining--)
                {
                    var root = Add(null, Pick(Vocabulary.CategoryNames));
                    _bushyRoots.Add(root.Id);
                    queue.Enqueue(root);
                }

                continue;
            }

            var node = queue.Dequeue();
            var children = Math.Min(random.Next(2, 13), remaining);
            for (var i = 0; i < children; i++, remaining--)
            {
                var child = Add(node, Pick(Vocabulary.CategoryNames));
                if (child.Level < MaxBushyLevel)
                {
                    queue.Enqueue(child);
                }
            }
        }

        return _rows;
    }

    private CategoryRow Add(CategoryRow? parent, string baseName)
    {
        var keys = _siblingKeys.TryGetValue(parent?.Id ?? 0, out var existing) ? existing : _siblingKeys[parent?.Id ?? 0] = [];
        var candidate = baseName;
        string name, key;
        for (var n = 2; ; n++)
        {
            name = Normalize(candidate);
            key = CaseFold.Fold(name);
            if (keys.Add(key))
            {
                break;
            }

            candidate = $"{baseName} {n}";
        }

        var id = _rows.Count + 1L;
        long[] path = parent is null ? [id] : [.. parent.Path, id];
        if (path.Length > CategoryTreeLimits.MaxLevel)
        {
            throw new InvalidOperationException($"Category {id} would be at level {path.Length}.");
        }

        // Once a creation time; still drawn so that a seed gives the same names and shape as before.
        _ = random.NextInt64(60_000_000, 365L * 24 * 3600 * 1_000_000);
        var row = new CategoryRow(id, parent?.Id, name, path);
        _rows.Add(row);
        return row;
    }

    private string Pick(string[] words) => words[random.Next(words.Length)];

    private static string Normalize(string name) =>
        CatalogText.TryNormalize(name, CategoryTreeLimits.MaxNameLength, out var normalized) is { } error
            ? throw new InvalidOperationException($"Generated category name '{name}' {error}")
            : normalized;
}
