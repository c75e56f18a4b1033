using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HazardTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Hazards_DueAt_State",
                table: "Hazards");

            migrationBuilder.CreateTable(
                name: "HazardDueTallies",
                columns: table => new
                {
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponsibleUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueSpan = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardDueTallies", x => new { x.AreaCode, x.DistrictCode, x.ResponsibleUnitCode, x.DueSpan });
                });

            migrationBuilder.CreateTable(
                name: "HazardMonthTallies",
                columns: table => new
                {
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponsibleUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Reported = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardMonthTallies", x => new { x.DistrictCode, x.ResponsibleUnitCode, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "HazardTallies",
                columns: table => new
                {
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponsibleUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardTallies", x => new { x.AreaCode, x.DistrictCode, x.ResponsibleUnitCode, x.State, x.Grade });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DueAt_State_AreaCode_DistrictCode_ResponsibleUnitCode",
                table: "Hazards",
                columns: new[] { "DueAt", "State", "AreaCode", "DistrictCode", "ResponsibleUnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DistrictCode_Number",
                table: "Hazards",
                columns: new[] { "DistrictCode", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_ResponsibleUnitCode_Number",
                table: "Hazards",
                columns: new[] { "ResponsibleUnitCode", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_HazardDueTallies_DistrictCode_DueSpan",
                table: "HazardDueTallies",
                columns: new[] { "DistrictCode", "DueSpan" });

            migrationBuilder.CreateIndex(
                name: "IX_HazardDueTallies_ResponsibleUnitCode_DueSpan",
                table: "HazardDueTallies",
                columns: new[] { "ResponsibleUnitCode", "DueSpan" });

            migrationBuilder.CreateIndex(
                name: "IX_HazardMonthTallies_ResponsibleUnitCode",
                table: "HazardMonthTallies",
                column: "ResponsibleUnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_HazardTallies_DistrictCode",
                table: "HazardTallies",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_HazardTallies_ResponsibleUnitCode_DistrictCode",
                table: "HazardTallies",
                columns: new[] { "ResponsibleUnitCode", "DistrictCode" });

            // Tallies kept by triggers in the transaction of every insert, update and delete of a hazard, whoever writes it
            // (the commands, the workflow listener, imports, bulk SQL). Months are the city's (UTC+8): the stored instant is
            // (ticks / 1000) << 11 | offset minutes (EF Core's DateTimeOffsetToBinaryConverter), turned into Unix seconds here.
            // Due spans are the stored value >> 43 (HazardTallies.DueSpanShift).
            migrationBuilder.Sql(@"CREATE TRIGGER ""TR_Hazards_Tallies_Insert"" AFTER INSERT ON ""Hazards""
BEGIN
INSERT INTO ""HazardTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""Count"")
  SELECT NEW.""AreaCode"", NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", NEW.""State"", NEW.""Grade"", 1 WHERE 1
  ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"") DO UPDATE SET ""Count"" = ""HazardTallies"".""Count"" + excluded.""Count"";
INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
  SELECT NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", (CAST(strftime('%Y', ((NEW.""ReportedAt"" >> 11) / 10000 - (CASE WHEN (NEW.""ReportedAt"" & 2047) >= 1024 THEN (NEW.""ReportedAt"" & 2047) - 2048 ELSE (NEW.""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((NEW.""ReportedAt"" >> 11) / 10000 - (CASE WHEN (NEW.""ReportedAt"" & 2047) >= 1024 THEN (NEW.""ReportedAt"" & 2047) - 2048 ELSE (NEW.""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), 1, 0 WHERE 1
  ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Reported"" = ""HazardMonthTallies"".""Reported"" + excluded.""Reported"";
INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
  SELECT NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", (CAST(strftime('%Y', ((NEW.""ClosedAt"" >> 11) / 10000 - (CASE WHEN (NEW.""ClosedAt"" & 2047) >= 1024 THEN (NEW.""ClosedAt"" & 2047) - 2048 ELSE (NEW.""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((NEW.""ClosedAt"" >> 11) / 10000 - (CASE WHEN (NEW.""ClosedAt"" & 2047) >= 1024 THEN (NEW.""ClosedAt"" & 2047) - 2048 ELSE (NEW.""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), 0, 1 WHERE NEW.""ClosedAt"" IS NOT NULL AND 1
  ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Closed"" = ""HazardMonthTallies"".""Closed"" + excluded.""Closed"";
INSERT INTO ""HazardDueTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"", ""Count"")
  SELECT NEW.""AreaCode"", NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", NEW.""DueAt"" >> 43, 1 WHERE NEW.""DueAt"" IS NOT NULL AND NEW.""State"" <> 'Closed' AND 1
  ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"") DO UPDATE SET ""Count"" = ""HazardDueTallies"".""Count"" + excluded.""Count"";
END;");

            migrationBuilder.Sql(@"CREATE TRIGGER ""TR_Hazards_Tallies_Delete"" AFTER DELETE ON ""Hazards""
BEGIN
INSERT INTO ""HazardTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""Count"")
  SELECT OLD.""AreaCode"", OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", OLD.""State"", OLD.""Grade"", -1 WHERE 1
  ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"") DO UPDATE SET ""Count"" = ""HazardTallies"".""Count"" + excluded.""Count"";
INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
  SELECT OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", (CAST(strftime('%Y', ((OLD.""ReportedAt"" >> 11) / 10000 - (CASE WHEN (OLD.""ReportedAt"" & 2047) >= 1024 THEN (OLD.""ReportedAt"" & 2047) - 2048 ELSE (OLD.""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((OLD.""ReportedAt"" >> 11) / 10000 - (CASE WHEN (OLD.""ReportedAt"" & 2047) >= 1024 THEN (OLD.""ReportedAt"" & 2047) - 2048 ELSE (OLD.""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), -1, 0 WHERE 1
  ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Reported"" = ""HazardMonthTallies"".""Reported"" + excluded.""Reported"";
INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
  SELECT OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", (CAST(strftime('%Y', ((OLD.""ClosedAt"" >> 11) / 10000 - (CASE WHEN (OLD.""ClosedAt"" & 2047) >= 1024 THEN (OLD.""ClosedAt"" & 2047) - 2048 ELSE (OLD.""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((OLD.""ClosedAt"" >> 11) / 10000 - (CASE WHEN (OLD.""ClosedAt"" & 2047) >= 1024 THEN (OLD.""ClosedAt"" & 2047) - 2048 ELSE (OLD.""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), 0, -1 WHERE OLD.""ClosedAt"" IS NOT NULL AND 1
  ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Closed"" = ""HazardMonthTallies"".""Closed"" + excluded.""Closed"";
INSERT INTO ""HazardDueTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"", ""Count"")
  SELECT OLD.""AreaCode"", OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", OLD.""DueAt"" >> 43, -1 WHERE OLD.""DueAt"" IS NOT NULL AND OLD.""State"" <> 'Closed' AND 1
  ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"") DO UPDATE SET ""Count"" = ""HazardDueTallies"".""Count"" + excluded.""Count"";
END;");

            migrationBuilder.Sql(@"CREATE TRIGGER ""TR_Hazards_Tallies_Update"" AFTER UPDATE OF ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""ReportedAt"", ""ClosedAt"", ""DueAt"" ON ""Hazards""
BEGIN
INSERT INTO ""HazardTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""Count"")
  SELECT OLD.""AreaCode"", OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", OLD.""State"", OLD.""Grade"", -1 WHERE (OLD.""AreaCode"" IS NOT NEW.""AreaCode"" OR OLD.""DistrictCode"" IS NOT NEW.""DistrictCode"" OR OLD.""ResponsibleUnitCode"" IS NOT NEW.""ResponsibleUnitCode"" OR OLD.""State"" IS NOT NEW.""State"" OR OLD.""Grade"" IS NOT NEW.""Grade"")
  ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"") DO UPDATE SET ""Count"" = ""HazardTallies"".""Count"" + excluded.""Count"";
INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
  SELECT OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", (CAST(strftime('%Y', ((OLD.""ReportedAt"" >> 11) / 10000 - (CASE WHEN (OLD.""ReportedAt"" & 2047) >= 1024 THEN (OLD.""ReportedAt"" & 2047) - 2048 ELSE (OLD.""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((OLD.""ReportedAt"" >> 11) / 10000 - (CASE WHEN (OLD.""ReportedAt"" & 2047) >= 1024 THEN (OLD.""ReportedAt"" & 2047) - 2048 ELSE (OLD.""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), -1, 0 WHERE (OLD.""DistrictCode"" IS NOT NEW.""DistrictCode"" OR OLD.""ResponsibleUnitCode"" IS NOT NEW.""ResponsibleUnitCode"" OR OLD.""ReportedAt"" IS NOT NEW.""ReportedAt"")
  ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Reported"" = ""HazardMonthTallies"".""Reported"" + excluded.""Reported"";
INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
  SELECT OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", (CAST(strftime('%Y', ((OLD.""ClosedAt"" >> 11) / 10000 - (CASE WHEN (OLD.""ClosedAt"" & 2047) >= 1024 THEN (OLD.""ClosedAt"" & 2047) - 2048 ELSE (OLD.""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((OLD.""ClosedAt"" >> 11) / 10000 - (CASE WHEN (OLD.""ClosedAt"" & 2047) >= 1024 THEN (OLD.""ClosedAt"" & 2047) - 2048 ELSE (OLD.""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), 0, -1 WHERE OLD.""ClosedAt"" IS NOT NULL AND (OLD.""DistrictCode"" IS NOT NEW.""DistrictCode"" OR OLD.""ResponsibleUnitCode"" IS NOT NEW.""ResponsibleUnitCode"" OR OLD.""ClosedAt"" IS NOT NEW.""ClosedAt"")
  ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Closed"" = ""HazardMonthTallies"".""Closed"" + excluded.""Closed"";
INSERT INTO ""HazardDueTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"", ""Count"")
  SELECT OLD.""AreaCode"", OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", OLD.""DueAt"" >> 43, -1 WHERE OLD.""DueAt"" IS NOT NULL AND OLD.""State"" <> 'Closed' AND (OLD.""AreaCode"" IS NOT NEW.""AreaCode"" OR OLD.""DistrictCode"" IS NOT NEW.""DistrictCode"" OR OLD.""ResponsibleUnitCode"" IS NOT NEW.""ResponsibleUnitCode"" OR OLD.""State"" IS NOT NEW.""State"" OR OLD.""DueAt"" IS NOT NEW.""DueAt"")
  ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"") DO UPDATE SET ""Count"" = ""HazardDueTallies"".""Count"" + excluded.""Count"";
INSERT INTO ""HazardTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""Count"")
  SELECT NEW.""AreaCode"", NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", NEW.""State"", NEW.""Grade"", 1 WHERE (OLD.""AreaCode"" IS NOT NEW.""AreaCode"" OR OLD.""DistrictCode"" IS NOT NEW.""DistrictCode"" OR OLD.""ResponsibleUnitCode"" IS NOT NEW.""ResponsibleUnitCode"" OR OLD.""State"" IS NOT NEW.""State"" OR OLD.""Grade"" IS NOT NEW.""Grade"")
  ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"") DO UPDATE SET ""Count"" = ""HazardTallies"".""Count"" + excluded.""Count"";
INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
  SELECT NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", (CAST(strftime('%Y', ((NEW.""ReportedAt"" >> 11) / 10000 - (CASE WHEN (NEW.""ReportedAt"" & 2047) >= 1024 THEN (NEW.""ReportedAt"" & 2047) - 2048 ELSE (NEW.""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((NEW.""ReportedAt"" >> 11) / 10000 - (CASE WHEN (NEW.""ReportedAt"" & 2047) >= 1024 THEN (NEW.""ReportedAt"" & 2047) - 2048 ELSE (NEW.""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), 1, 0 WHERE (OLD.""DistrictCode"" IS NOT NEW.""DistrictCode"" OR OLD.""ResponsibleUnitCode"" IS NOT NEW.""ResponsibleUnitCode"" OR OLD.""ReportedAt"" IS NOT NEW.""ReportedAt"")
  ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Reported"" = ""HazardMonthTallies"".""Reported"" + excluded.""Reported"";
INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
  SELECT NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", (CAST(strftime('%Y', ((NEW.""ClosedAt"" >> 11) / 10000 - (CASE WHEN (NEW.""ClosedAt"" & 2047) >= 1024 THEN (NEW.""ClosedAt"" & 2047) - 2048 ELSE (NEW.""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((NEW.""ClosedAt"" >> 11) / 10000 - (CASE WHEN (NEW.""ClosedAt"" & 2047) >= 1024 THEN (NEW.""ClosedAt"" & 2047) - 2048 ELSE (NEW.""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), 0, 1 WHERE NEW.""ClosedAt"" IS NOT NULL AND (OLD.""DistrictCode"" IS NOT NEW.""DistrictCode"" OR OLD.""ResponsibleUnitCode"" IS NOT NEW.""ResponsibleUnitCode"" OR OLD.""ClosedAt"" IS NOT NEW.""ClosedAt"")
  ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Closed"" = ""HazardMonthTallies"".""Closed"" + excluded.""Closed"";
INSERT INTO ""HazardDueTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"", ""Count"")
  SELECT NEW.""AreaCode"", NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", NEW.""DueAt"" >> 43, 1 WHERE NEW.""DueAt"" IS NOT NULL AND NEW.""State"" <> 'Closed' AND (OLD.""AreaCode"" IS NOT NEW.""AreaCode"" OR OLD.""DistrictCode"" IS NOT NEW.""DistrictCode"" OR OLD.""ResponsibleUnitCode"" IS NOT NEW.""ResponsibleUnitCode"" OR OLD.""State"" IS NOT NEW.""State"" OR OLD.""DueAt"" IS NOT NEW.""DueAt"")
  ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"") DO UPDATE SET ""Count"" = ""HazardDueTallies"".""Count"" + excluded.""Count"";
END;");

            // Backfill: the hazards already stored.
            migrationBuilder.Sql(@"INSERT INTO ""HazardTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""Count"")
SELECT ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", COUNT(*) FROM ""Hazards"" GROUP BY ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"";");

            migrationBuilder.Sql(@"INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
SELECT ""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", SUM(""Reported""), SUM(""Closed"") FROM (
  SELECT ""DistrictCode"", ""ResponsibleUnitCode"", (CAST(strftime('%Y', ((""ReportedAt"" >> 11) / 10000 - (CASE WHEN (""ReportedAt"" & 2047) >= 1024 THEN (""ReportedAt"" & 2047) - 2048 ELSE (""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((""ReportedAt"" >> 11) / 10000 - (CASE WHEN (""ReportedAt"" & 2047) >= 1024 THEN (""ReportedAt"" & 2047) - 2048 ELSE (""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1) AS ""Month"", 1 AS ""Reported"", 0 AS ""Closed"" FROM ""Hazards""
  UNION ALL
  SELECT ""DistrictCode"", ""ResponsibleUnitCode"", (CAST(strftime('%Y', ((""ClosedAt"" >> 11) / 10000 - (CASE WHEN (""ClosedAt"" & 2047) >= 1024 THEN (""ClosedAt"" & 2047) - 2048 ELSE (""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((""ClosedAt"" >> 11) / 10000 - (CASE WHEN (""ClosedAt"" & 2047) >= 1024 THEN (""ClosedAt"" & 2047) - 2048 ELSE (""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800), 'unixepoch') AS INTEGER) - 1), 0, 1 FROM ""Hazards"" WHERE ""ClosedAt"" IS NOT NULL) AS ""Dates""
GROUP BY ""DistrictCode"", ""ResponsibleUnitCode"", ""Month"";");

            migrationBuilder.Sql(@"INSERT INTO ""HazardDueTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"", ""Count"")
SELECT ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueAt"" >> 43, COUNT(*) FROM ""Hazards"" WHERE ""DueAt"" IS NOT NULL AND ""State"" <> 'Closed' GROUP BY ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueAt"" >> 43;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Hazards_DistrictCode_Number",
                table: "Hazards");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_ResponsibleUnitCode_Number",
                table: "Hazards");

            migrationBuilder.Sql(@"DROP TRIGGER ""TR_Hazards_Tallies_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER ""TR_Hazards_Tallies_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER ""TR_Hazards_Tallies_Update"";");

            migrationBuilder.DropTable(
                name: "HazardDueTallies");

            migrationBuilder.DropTable(
                name: "HazardMonthTallies");

            migrationBuilder.DropTable(
                name: "HazardTallies");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_DueAt_State_AreaCode_DistrictCode_ResponsibleUnitCode",
                table: "Hazards");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DueAt_State",
                table: "Hazards",
                columns: new[] { "DueAt", "State" });
        }
    }
}
