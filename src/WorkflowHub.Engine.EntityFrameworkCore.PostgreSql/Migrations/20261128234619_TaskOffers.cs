using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Engine.EntityFrameworkCore.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TaskOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "engine_task_offers",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    due_date = table.Column<long>(type: "bigint", nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_task_offers", x => new { x.task_id, x.kind, x.value });
                    table.ForeignKey(
                        name: "FK_engine_task_offers_engine_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "engine_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The open offers of the tasks already there: candidates of active (state 0), unassigned tasks. Filled before
            // the index is built, so the index is written once in order instead of row by row.
            migrationBuilder.Sql(
                """
                INSERT INTO engine_task_offers (task_id, kind, value, created_at, due_date, priority)
                SELECT c.task_id, c.kind, c.value, t.created_at, t.due_date, t.priority
                FROM engine_task_candidates AS c
                JOIN engine_tasks AS t ON t.id = c.task_id
                WHERE t.state = 0 AND t.assignee IS NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_engine_task_offers_kind_value_created_at_due_date_priority_~",
                table: "engine_task_offers",
                columns: new[] { "kind", "value", "created_at", "due_date", "priority", "task_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engine_task_offers");
        }
    }
}
