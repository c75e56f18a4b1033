namespace WorkflowHub.Campaign.Accounts;

/// <summary>The roles of DESIGN.md §1. The names are stored in the database and carried in tokens.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string CommitteeOffice = nameof(CommitteeOffice);
    public const string DepartmentOfficer = nameof(DepartmentOfficer);
    public const string DepartmentHead = nameof(DepartmentHead);
    public const string LocalGovernment = nameof(LocalGovernment);
    public const string Enterprise = nameof(Enterprise);
    public const string Auditor = nameof(Auditor);

    public static IReadOnlyList<string> All { get; } =
        [Admin, CommitteeOffice, DepartmentOfficer, DepartmentHead, LocalGovernment, Enterprise, Auditor];
}
