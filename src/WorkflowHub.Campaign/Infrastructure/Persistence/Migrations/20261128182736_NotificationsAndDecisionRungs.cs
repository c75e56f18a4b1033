using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsAndDecisionRungs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Occurrence",
                table: "DecisionRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddresseeUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyZh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DefinitionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            // Decisions stored before: number each rule's decisions about a subject in the order they were taken,
            // so the unique index holds for the department rule, which may fire again in a later window.
            migrationBuilder.Sql(
                """
                UPDATE "DecisionRecords" SET "Occurrence" = (
                    SELECT COUNT(*) FROM "DecisionRecords" AS "Earlier"
                    WHERE "Earlier"."RuleName" = "DecisionRecords"."RuleName"
                      AND "Earlier"."SubjectType" = "DecisionRecords"."SubjectType"
                      AND "Earlier"."SubjectId" = "DecisionRecords"."SubjectId"
                      AND ("Earlier"."DecidedAt" < "DecisionRecords"."DecidedAt"
                           OR ("Earlier"."DecidedAt" = "DecisionRecords"."DecidedAt" AND "Earlier"."Id" < "DecisionRecords"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_RuleName_SubjectType_SubjectId_Occurrence",
                table: "DecisionRecords",
                columns: new[] { "RuleName", "SubjectType", "SubjectId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AddresseeUnitCode_CreatedAt",
                table: "Notifications",
                columns: new[] { "AddresseeUnitCode", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_DecisionRecords_RuleName_SubjectType_SubjectId_Occurrence",
                table: "DecisionRecords");

            migrationBuilder.DropColumn(
                name: "Occurrence",
                table: "DecisionRecords");
        }
    }
}
