using Commerce.Grains.Categories;
using Commerce.Grains.Interfaces.Common;

namespace Commerce.Tests.Grains;

/// <summary>The rules that span categories, on the tree the tree grain keeps in memory.</summary>
public sealed class CategoryTreeTests
{
    [Fact]
    public void A_new_category_needs_an_existing_parent_and_a_free_sibling_name()
    {
        var tree = CategoryTree.Build([(1, null, "Books", 1), (2, 1, "Poetry", 1)]);

        Assert.Null(tree.CheckPlacement(3, 1, "Prose"));
        Assert.Equal(CatalogErrorKind.ReferenceNotFound, tree.CheckPlacement(3, 99, "Prose")!.Kind);
        Assert.Equal(CatalogErrorKind.Conflict, tree.CheckPlacement(3, 1, "POETRY")!.Kind);
        Assert.Equal(CatalogErrorKind.Conflict, tree.CheckPlacement(3, null, "books")!.Kind);
        // The same name is free under another parent, and a category keeps its own name when it is changed.
        Assert.Null(tree.CheckPlacement(3, 2, "Poetry"));
        Assert.Null(tree.CheckPlacement(2, 1, "poetry"));
    }

    [Fact]
    public void No_category_moves_under_itself_or_a_descendant()
    {
        var tree = CategoryTree.Build([(1, null, "A", 1), (2, 1, "B", 1), (3, 2, "C", 1)]);

        var error = tree.CheckPlacement(1, 3, "A");

        Assert.Equal(CatalogErrorKind.Validation, error!.Kind);
        Assert.Equal(CategoryTree.CycleMessage, error.FieldErrors!["parent_id"].Single());
        Assert.Null(tree.CheckPlacement(3, null, "C"));
    }

    [Fact]
    public void Levels_stop_at_100_for_creates_and_for_the_deepest_node_of_a_moved_subtree()
    {
        var chain = Enumerable.Range(1, 100).Select(i => ((long)i, i == 1 ? (long?)null : i - 1, $"L{i}", 1L)).ToList();
        chain.Add((200, null, "Top", 1));
        chain.Add((201, 200, "Child", 1));
        var tree = CategoryTree.Build(chain);

        Assert.Equal(100, tree.PathOf(100).Length);
        Assert.Contains("level 101", tree.CheckPlacement(300, 100, "Deeper")!.Detail, StringComparison.Ordinal);
        // Top with its child under level 99 would put the child at level 101.
        Assert.Contains("level 101", tree.CheckPlacement(200, 99, "Top")!.Detail, StringComparison.Ordinal);
        Assert.Null(tree.CheckPlacement(201, 99, "Child"));
    }

    [Fact]
    public void Moves_and_removals_keep_names_paths_and_subtrees_right()
    {
        var tree = CategoryTree.Build([(3, 2, "C", 1), (2, 1, "B", 1), (1, null, "A", 1), (4, null, "D", 1)]);

        tree.Put(2, 4, "B2", 2);

        Assert.Equal([4L, 2, 3], tree.PathOf(3));
        Assert.Null(tree.CheckPlacement(5, 1, "B"));
        Assert.Equal(CatalogErrorKind.Conflict, tree.CheckPlacement(5, 4, "b2")!.Kind);
        Assert.Equal([2L, 3], tree.RemoveSubtree(2));
        Assert.False(tree.Contains(3));
        Assert.Null(tree.CheckPlacement(5, 4, "B2"));
        Assert.Equal(2, tree.Count);
    }

    [Fact]
    public void Categories_whose_parent_is_missing_are_left_out_when_loading()
    {
        var tree = CategoryTree.Build([(1, null, "A", 1), (2, 7, "Orphan", 1), (3, 2, "Below orphan", 1)]);

        Assert.True(tree.Contains(1));
        Assert.False(tree.Contains(2));
        Assert.False(tree.Contains(3));
    }
}
