using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Engine.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class InboxCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_id_state_assignee_created_at_due_date_priority",
                table: "engine_tasks",
                columns: new[] { "id", "state", "assignee", "created_at", "due_date", "priority" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_engine_tasks_id_state_assignee_created_at_due_date_priority",
                table: "engine_tasks");
        }
    }
}
