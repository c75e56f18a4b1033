using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Campaign.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class HazardAccidentLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AccidentDate",
                table: "Hazards",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccidentDescription",
                table: "Hazards",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AccidentLinkedAt",
                table: "Hazards",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccidentLinkedBy",
                table: "Hazards",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccidentReference",
                table: "Hazards",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccidentDate",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "AccidentDescription",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "AccidentLinkedAt",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "AccidentLinkedBy",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "AccidentReference",
                table: "Hazards");
        }
    }
}
