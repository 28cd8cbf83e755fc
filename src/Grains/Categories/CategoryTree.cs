using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Grains.Categories;

/// <summary>
/// The shape of the category tree in memory: parents, children and names, and the rules that span categories —
/// the parent exists, no category deeper than <see cref="CategoryTreeLimits.MaxLevel"/>, no cycle, sibling names
/// unique (case-folded, roots included). Pure and single-threaded: the tree grain owns the only live instance.
/// </summary>
public sealed class CategoryTree
{
    private readonly Dictionary<long, Node> nodes = [];
    private readonly Dictionary<(long Parent, string NameKey), long> siblingNames = [];

    public int Count => nodes.Count;

    public IEnumerable<long> Ids => nodes.Keys;

    public bool Contains(long id) => nodes.ContainsKey(id);

    public long VersionOf(long id) => nodes[id].Version;

    public long? ParentOf(long id) => nodes[id].Parent;

    /// <summary>Ids from the root down to <paramref name="id"/>; its length is the level (a root is level 1).</summary>
    public long[] PathOf(long id)
    {
        var path = new List<long>();
        for (long? at = id; at is { } current; at = nodes[current].Parent)
        {
            path.Add(current);
        }

        path.Reverse();
        return [.. path];
    }

    /// <summary>The category and all its descendants, parents before children.</summary>
    public IReadOnlyList<long> SubtreeOf(long id)
    {
        var subtree = new List<long> { id };
        for (var i = 0; i < subtree.Count; i++)
        {
            subtree.AddRange(nodes[subtree[i]].Children);
        }

        return subtree;
    }

    /// <summary>
    /// Whether <paramref name="id"/> (new when not in the tree) may sit under <paramref name="parentId"/> with
    /// <paramref name="name"/>; null when it may.
    /// </summary>
    public CatalogError? CheckPlacement(long id, long? parentId, string name)
    {
        var parentPath = Array.Empty<long>();
        if (parentId is { } parent)
        {
            if (!nodes.ContainsKey(parent))
            {
                return new CatalogError(CatalogErrorKind.ReferenceNotFound, $"Category {parent} does not exist.",
                    new Dictionary<string, string[]> { ["parent_id"] = ["does not exist."] });
            }

            parentPath = PathOf(parent);
            if (parentPath.Contains(id))
            {
                return CatalogError.Invalid("parent_id", CycleMessage);
            }
        }

        var deepest = parentPath.Length + (nodes.ContainsKey(id) ? HeightOf(id) : 1);
        if (deepest > CategoryTreeLimits.MaxLevel)
        {
            return CatalogError.Invalid("parent_id",
                $"The category tree may be at most {CategoryTreeLimits.MaxLevel} levels deep; this change would put a category at level {deepest}.");
        }

        return siblingNames.TryGetValue((parentId ?? 0, CaseFold.Fold(name)), out var sibling) && sibling != id
            ? new CatalogError(CatalogErrorKind.Conflict, $"A category named '{name}' already exists under the same parent.",
                new Dictionary<string, string[]> { ["name"] = ["is already used by a sibling category."] })
            : null;
    }

    public const string CycleMessage = "A category cannot be moved under itself or one of its descendants.";

    /// <summary>Adds the category or moves and renames it; the caller has checked <see cref="CheckPlacement"/>.</summary>
    public void Put(long id, long? parentId, string name, long version)
    {
        if (nodes.TryGetValue(id, out var node))
        {
            Detach(id, node);
            node.Parent = parentId;
            node.NameKey = CaseFold.Fold(name);
            node.Version = version;
        }
        else
        {
            node = new Node(parentId, CaseFold.Fold(name), version);
            nodes[id] = node;
        }

        Attach(id, node);
    }

    /// <summary>Takes the category and its subtree out; returns their ids, parents before children.</summary>
    public IReadOnlyList<long> RemoveSubtree(long id)
    {
        var subtree = SubtreeOf(id);
        Detach(id, nodes[id]);
        foreach (var removed in subtree)
        {
            var node = nodes[removed];
            siblingNames.Remove((node.Parent ?? 0, node.NameKey));
            nodes.Remove(removed);
        }

        return subtree;
    }

    /// <summary>Builds the tree from stored categories in any order; children of missing parents are left out.</summary>
    public static CategoryTree Build(IEnumerable<(long Id, long? ParentId, string Name, long Version)> categories)
    {
        var tree = new CategoryTree();
        var pending = categories.ToDictionary(c => c.Id);
        var added = true;
        while (pending.Count > 0 && added)
        {
            added = false;
            foreach (var category in pending.Values.ToList())
            {
                if (category.ParentId is { } parent && !tree.Contains(parent))
                {
                    continue;
                }

                tree.Put(category.Id, category.ParentId, category.Name, category.Version);
                pending.Remove(category.Id);
                added = true;
            }
        }

        return tree;
    }

    /// <summary>Levels from the category down to its deepest descendant, itself included (a leaf is 1).</summary>
    private int HeightOf(long id) => 1 + nodes[id].Children.Select(HeightOf).DefaultIfEmpty(0).Max();

    private void Attach(long id, Node node)
    {
        siblingNames[(node.Parent ?? 0, node.NameKey)] = id;
        if (node.Parent is { } parent)
        {
            nodes[parent].Children.Add(id);
        }
    }

    private void Detach(long id, Node node)
    {
        siblingNames.Remove((node.Parent ?? 0, node.NameKey));
        if (node.Parent is { } parent && nodes.TryGetValue(parent, out var parentNode))
        {
            parentNode.Children.Remove(id);
        }
    }

    private sealed class Node(long? parent, string nameKey, long version)
    {
        public long? Parent { get; set; } = parent;
        public string NameKey { get; set; } = nameKey;
        public long Version { get; set; } = version;
        public HashSet<long> Children { get; } = [];
    }
}
