using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Campaign.PostgreSql.Migrations
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
                name: "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Gra~",
                table: "Hazards");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_AreaCode_State_DistrictCode_Grade_DueAt_ReportedAt_~",
                table: "Hazards",
                columns: new[] { "AreaCode", "State", "DistrictCode", "Grade", "DueAt", "ReportedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DistrictCode_State_AreaCode_Grade_DueAt_ReportedAt_~",
                table: "Hazards",
                columns: new[] { "DistrictCode", "State", "AreaCode", "Grade", "DueAt", "ReportedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Gra~",
                table: "Hazards",
                columns: new[] { "ResponsibleUnitCode", "State", "AreaCode", "DistrictCode", "Grade", "DueAt", "ReportedAt", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Hazards_AreaCode_State_DistrictCode_Grade_DueAt_ReportedAt_~",
                table: "Hazards");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_DistrictCode_State_AreaCode_Grade_DueAt_ReportedAt_~",
                table: "Hazards");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Gra~",
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
                name: "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Gra~",
                table: "Hazards",
                columns: new[] { "ResponsibleUnitCode", "State", "AreaCode", "DistrictCode", "Grade", "DueAt" });
        }
    }
}
