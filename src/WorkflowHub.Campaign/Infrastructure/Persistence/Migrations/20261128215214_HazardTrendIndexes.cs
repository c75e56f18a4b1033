using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HazardTrendIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Hazards_AreaCode_State_DistrictCode_Grade_DueAt",
                table: "Hazards");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_DistrictCode_State_AreaCode_Grade_DueAt",
                table: "Hazards");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Grade_DueAt",
                table: "Hazards");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_AreaCode_State_DistrictCode_Grade_DueAt_ReportedAt_ClosedAt",
                table: "Hazards",
                columns: new[] { "AreaCode", "State", "DistrictCode", "Grade", "DueAt", "ReportedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DistrictCode_State_AreaCode_Grade_DueAt_ReportedAt_ClosedAt",
                table: "Hazards",
                columns: new[] { "DistrictCode", "State", "AreaCode", "Grade", "DueAt", "ReportedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Grade_DueAt_ReportedAt_ClosedAt",
                table: "Hazards",
                columns: new[] { "ResponsibleUnitCode", "State", "AreaCode", "DistrictCode", "Grade", "DueAt", "ReportedAt", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Hazards_AreaCode_State_DistrictCode_Grade_DueAt_ReportedAt_ClosedAt",
                table: "Hazards");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_DistrictCode_State_AreaCode_Grade_DueAt_ReportedAt_ClosedAt",
                table: "Hazards");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Grade_DueAt_ReportedAt_ClosedAt",
                table: "Hazards");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_AreaCode_State_DistrictCode_Grade_DueAt",
                table: "Hazards",
                columns: new[] { "AreaCode", "State", "DistrictCode", "Grade", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DistrictCode_State_AreaCode_Grade_DueAt",
                table: "Hazards",
                columns: new[] { "DistrictCode", "State", "AreaCode", "Grade", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Grade_DueAt",
                table: "Hazards",
                columns: new[] { "ResponsibleUnitCode", "State", "AreaCode", "DistrictCode", "Grade", "DueAt" });
        }
    }
}
