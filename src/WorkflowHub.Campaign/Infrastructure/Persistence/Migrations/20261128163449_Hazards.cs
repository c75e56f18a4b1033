using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Hazards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DecisionRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddresseeUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PolicyVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReasonZh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReasonEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TriggerKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TriggerDetail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartedInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedWorkflowKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OutcomeAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HazardNumberCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardNumberCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Hazards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponsibleUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnterpriseUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ListedForSupervision = table.Column<bool>(type: "INTEGER", nullable: false),
                    GradedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RectifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedToAccident = table.Column<bool>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hazards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Hazards_Areas_AreaCode",
                        column: x => x.AreaCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Hazards_OrgUnits_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "OrgUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Hazards_OrgUnits_EnterpriseUnitCode",
                        column: x => x.EnterpriseUnitCode,
                        principalTable: "OrgUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Hazards_OrgUnits_ResponsibleUnitCode",
                        column: x => x.ResponsibleUnitCode,
                        principalTable: "OrgUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InstitutionalMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponsibleUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Timetable = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstitutionalMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstitutionalMeasures_Areas_AreaCode",
                        column: x => x.AreaCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InstitutionalMeasures_OrgUnits_ResponsibleUnitCode",
                        column: x => x.ResponsibleUnitCode,
                        principalTable: "OrgUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyVersions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyVersions", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "TargetReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EvidenceNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrgUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetReports_Targets_TargetCode",
                        column: x => x.TargetCode,
                        principalTable: "Targets",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowDrafts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Xml = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDrafts", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "HazardEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HazardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HazardEvidence_Hazards_HazardId",
                        column: x => x.HazardId,
                        principalTable: "Hazards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_AddresseeUnitCode_DecidedAt",
                table: "DecisionRecords",
                columns: new[] { "AddresseeUnitCode", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_DecidedAt",
                table: "DecisionRecords",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_StartedInstanceId",
                table: "DecisionRecords",
                column: "StartedInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_SubjectType_SubjectId_DecidedAt",
                table: "DecisionRecords",
                columns: new[] { "SubjectType", "SubjectId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HazardEvidence_HazardId_UploadedAt",
                table: "HazardEvidence",
                columns: new[] { "HazardId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_AreaCode_State",
                table: "Hazards",
                columns: new[] { "AreaCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DistrictCode_State",
                table: "Hazards",
                columns: new[] { "DistrictCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DueAt",
                table: "Hazards",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_EnterpriseUnitCode",
                table: "Hazards",
                column: "EnterpriseUnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_InstanceId",
                table: "Hazards",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_Number",
                table: "Hazards",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_ResponsibleUnitCode_State",
                table: "Hazards",
                columns: new[] { "ResponsibleUnitCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionalMeasures_AreaCode_State",
                table: "InstitutionalMeasures",
                columns: new[] { "AreaCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionalMeasures_Number",
                table: "InstitutionalMeasures",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionalMeasures_ResponsibleUnitCode",
                table: "InstitutionalMeasures",
                column: "ResponsibleUnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_TargetReports_TargetCode_AsOf",
                table: "TargetReports",
                columns: new[] { "TargetCode", "AsOf" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionRecords");

            migrationBuilder.DropTable(
                name: "HazardEvidence");

            migrationBuilder.DropTable(
                name: "HazardNumberCounters");

            migrationBuilder.DropTable(
                name: "InstitutionalMeasures");

            migrationBuilder.DropTable(
                name: "PolicyVersions");

            migrationBuilder.DropTable(
                name: "TargetReports");

            migrationBuilder.DropTable(
                name: "WorkflowDrafts");

            migrationBuilder.DropTable(
                name: "Hazards");
        }
    }
}
