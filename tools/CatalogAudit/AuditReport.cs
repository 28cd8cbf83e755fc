namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// What an audit found, each entry as "rule: what". Violations are broken invariants; warnings are leftovers that
/// heal by themselves (a SKU claim a crash left behind is released when another product next claims the SKU).
/// </summary>
public sealed record AuditReport(IReadOnlyList<string> Violations, IReadOnlyList<string> Warnings)
{
    public bool IsClean => Violations.Count == 0;
}
