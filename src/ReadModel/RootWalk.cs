namespace Commerce.ReadModel;

/// <summary>
/// A walk of a top-level category's tree in id order (<see cref="RootSubtree.Walk"/>): the filter it tests on each
/// product of the tree, and the SQL of how many products the tree holds, NULL when the category is not a root whose
/// products carry its current path.
/// </summary>
internal sealed record RootWalk(string Where, string TreeSql);
