using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Engine.EntityFrameworkCore.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "engine_definitions",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "text", nullable: false),
                    deployed_at = table.Column<long>(type: "bigint", nullable: false),
                    deployed_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engine_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    definition_id = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: true),
                    element_type = table.Column<string>(type: "text", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    timestamp = table.Column<long>(type: "bigint", nullable: false),
                    data = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engine_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    execution_id = table.Column<int>(type: "integer", nullable: false),
                    definition_id = table.Column<string>(type: "text", nullable: false),
                    definition_key = table.Column<string>(type: "text", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    type = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    resolved_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engine_instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<string>(type: "text", nullable: false),
                    definition_key = table.Column<string>(type: "text", nullable: false),
                    definition_version = table.Column<int>(type: "integer", nullable: false),
                    business_key = table.Column<string>(type: "text", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    parent_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<long>(type: "bigint", nullable: false),
                    ended_at = table.Column<long>(type: "bigint", nullable: true),
                    started_by = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engine_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    execution_id = table.Column<int>(type: "integer", nullable: false),
                    definition_id = table.Column<string>(type: "text", nullable: false),
                    definition_key = table.Column<string>(type: "text", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    topic = table.Column<string>(type: "text", nullable: true),
                    due_at = table.Column<long>(type: "bigint", nullable: false),
                    lock_owner = table.Column<string>(type: "text", nullable: true),
                    lock_expires_at = table.Column<long>(type: "bigint", nullable: true),
                    retries = table.Column<int>(type: "integer", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    exclusive = table.Column<bool>(type: "boolean", nullable: false),
                    configuration = table.Column<string>(type: "text", nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engine_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_name = table.Column<string>(type: "text", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    execution_id = table.Column<int>(type: "integer", nullable: false),
                    definition_id = table.Column<string>(type: "text", nullable: false),
                    definition_key = table.Column<string>(type: "text", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    business_key = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engine_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    execution_id = table.Column<int>(type: "integer", nullable: false),
                    definition_id = table.Column<string>(type: "text", nullable: false),
                    definition_key = table.Column<string>(type: "text", nullable: false),
                    business_key = table.Column<string>(type: "text", nullable: true),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    assignee = table.Column<string>(type: "text", nullable: true),
                    candidate_users = table.Column<string[]>(type: "text[]", nullable: false),
                    candidate_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    due_date = table.Column<long>(type: "bigint", nullable: true),
                    follow_up_date = table.Column<long>(type: "bigint", nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    form_key = table.Column<string>(type: "text", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    claimed_at = table.Column<long>(type: "bigint", nullable: true),
                    completed_at = table.Column<long>(type: "bigint", nullable: true),
                    completed_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engine_task_candidates",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_task_candidates", x => new { x.task_id, x.kind, x.value });
                    table.ForeignKey(
                        name: "FK_engine_task_candidates_engine_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "engine_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_engine_definitions_key_version",
                table: "engine_definitions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_engine_history_instance_id_sequence",
                table: "engine_history",
                columns: new[] { "instance_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_incidents_definition_key_state",
                table: "engine_incidents",
                columns: new[] { "definition_key", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_incidents_instance_id_state",
                table: "engine_incidents",
                columns: new[] { "instance_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_incidents_state_created_at",
                table: "engine_incidents",
                columns: new[] { "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_business_key",
                table: "engine_instances",
                column: "business_key");

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_definition_id",
                table: "engine_instances",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_definition_key_started_at",
                table: "engine_instances",
                columns: new[] { "definition_key", "started_at" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_parent_instance_id",
                table: "engine_instances",
                column: "parent_instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_started_at",
                table: "engine_instances",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_state_started_at",
                table: "engine_instances",
                columns: new[] { "state", "started_at" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_jobs_definition_key_instance_id",
                table: "engine_jobs",
                columns: new[] { "definition_key", "instance_id" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_jobs_due_at_priority",
                table: "engine_jobs",
                columns: new[] { "due_at", "priority" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_jobs_instance_id",
                table: "engine_jobs",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_engine_jobs_lock_owner_lock_expires_at",
                table: "engine_jobs",
                columns: new[] { "lock_owner", "lock_expires_at" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_subscriptions_definition_key_instance_id",
                table: "engine_subscriptions",
                columns: new[] { "definition_key", "instance_id" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_subscriptions_instance_id",
                table: "engine_subscriptions",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_engine_subscriptions_message_name_business_key",
                table: "engine_subscriptions",
                columns: new[] { "message_name", "business_key" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_task_candidates_kind_value_task_id",
                table: "engine_task_candidates",
                columns: new[] { "kind", "value", "task_id" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_assignee_state",
                table: "engine_tasks",
                columns: new[] { "assignee", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_business_key",
                table: "engine_tasks",
                column: "business_key");

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_definition_key_element_id",
                table: "engine_tasks",
                columns: new[] { "definition_key", "element_id" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_instance_id_state",
                table: "engine_tasks",
                columns: new[] { "instance_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_state_due_date",
                table: "engine_tasks",
                columns: new[] { "state", "due_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engine_definitions");

            migrationBuilder.DropTable(
                name: "engine_history");

            migrationBuilder.DropTable(
                name: "engine_incidents");

            migrationBuilder.DropTable(
                name: "engine_instances");

            migrationBuilder.DropTable(
                name: "engine_jobs");

            migrationBuilder.DropTable(
                name: "engine_subscriptions");

            migrationBuilder.DropTable(
                name: "engine_task_candidates");

            migrationBuilder.DropTable(
                name: "engine_tasks");
        }
    }
}
