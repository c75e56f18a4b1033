using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Campaign.PostgreSql.Migrations
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
                    AreaCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponsibleUnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueSpan = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardDueTallies", x => new { x.AreaCode, x.DistrictCode, x.ResponsibleUnitCode, x.DueSpan });
                });

            migrationBuilder.CreateTable(
                name: "HazardMonthTallies",
                columns: table => new
                {
                    DistrictCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponsibleUnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Reported = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardMonthTallies", x => new { x.DistrictCode, x.ResponsibleUnitCode, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "HazardTallies",
                columns: table => new
                {
                    AreaCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponsibleUnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Grade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardTallies", x => new { x.AreaCode, x.DistrictCode, x.ResponsibleUnitCode, x.State, x.Grade });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DueAt_State_AreaCode_DistrictCode_ResponsibleUnitCo~",
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

            // Tallies kept by a trigger in the transaction of every insert, update and delete of a hazard, whoever writes it.
            // Months are the city's (UTC+8): the stored instant is (ticks / 1000) << 11 | offset minutes (EF Core's
            // DateTimeOffsetToBinaryConverter), turned into Unix seconds here. Due spans are the stored value >> 43.
            migrationBuilder.Sql(@"CREATE FUNCTION ""Hazards_CityMonth""(instant bigint) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT (EXTRACT(YEAR FROM t)::integer * 12 + EXTRACT(MONTH FROM t)::integer - 1)
  FROM (SELECT to_timestamp((instant >> 11) / 10000
      - (CASE WHEN (instant & 2047) >= 1024 THEN (instant & 2047) - 2048 ELSE (instant & 2047) END) * 60
      - 62135596800 + 28800) AT TIME ZONE 'UTC' AS t) AS city
$$;");

            migrationBuilder.Sql(@"CREATE FUNCTION ""Hazards_Tally""(h ""Hazards"", delta integer, tally boolean, reported boolean, closed boolean, due boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF tally THEN
    INSERT INTO ""HazardTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""Count"")
    VALUES (h.""AreaCode"", h.""DistrictCode"", h.""ResponsibleUnitCode"", h.""State"", h.""Grade"", delta)
    ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"") DO UPDATE SET ""Count"" = ""HazardTallies"".""Count"" + delta;
  END IF;
  IF reported THEN
    INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
    VALUES (h.""DistrictCode"", h.""ResponsibleUnitCode"", ""Hazards_CityMonth""(h.""ReportedAt""), delta, 0)
    ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Reported"" = ""HazardMonthTallies"".""Reported"" + delta;
  END IF;
  IF closed AND h.""ClosedAt"" IS NOT NULL THEN
    INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
    VALUES (h.""DistrictCode"", h.""ResponsibleUnitCode"", ""Hazards_CityMonth""(h.""ClosedAt""), 0, delta)
    ON CONFLICT (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"") DO UPDATE SET ""Closed"" = ""HazardMonthTallies"".""Closed"" + delta;
  END IF;
  IF due AND h.""DueAt"" IS NOT NULL AND h.""State"" <> 'Closed' THEN
    INSERT INTO ""HazardDueTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"", ""Count"")
    VALUES (h.""AreaCode"", h.""DistrictCode"", h.""ResponsibleUnitCode"", h.""DueAt"" >> 43, delta)
    ON CONFLICT (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""DueSpan"") DO UPDATE SET ""Count"" = ""HazardDueTallies"".""Count"" + delta;
  END IF;
END
$$;");

            migrationBuilder.Sql(@"CREATE FUNCTION ""Hazards_KeepTallies""() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tally boolean;
  reported boolean;
  closed boolean;
  due boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM ""Hazards_Tally""(NEW, 1, TRUE, TRUE, TRUE, TRUE);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ""Hazards_Tally""(OLD, -1, TRUE, TRUE, TRUE, TRUE);
  ELSE
    tally := (OLD.""AreaCode"", OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", OLD.""State"", OLD.""Grade"")
      IS DISTINCT FROM (NEW.""AreaCode"", NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", NEW.""State"", NEW.""Grade"");
    reported := (OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", OLD.""ReportedAt"")
      IS DISTINCT FROM (NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", NEW.""ReportedAt"");
    closed := (OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", OLD.""ClosedAt"")
      IS DISTINCT FROM (NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", NEW.""ClosedAt"");
    due := (OLD.""AreaCode"", OLD.""DistrictCode"", OLD.""ResponsibleUnitCode"", OLD.""State"", OLD.""DueAt"")
      IS DISTINCT FROM (NEW.""AreaCode"", NEW.""DistrictCode"", NEW.""ResponsibleUnitCode"", NEW.""State"", NEW.""DueAt"");
    PERFORM ""Hazards_Tally""(OLD, -1, tally, reported, closed, due);
    PERFORM ""Hazards_Tally""(NEW, 1, tally, reported, closed, due);
  END IF;
  RETURN NULL;
END
$$;");

            migrationBuilder.Sql(@"CREATE TRIGGER ""TR_Hazards_Tallies"" AFTER INSERT OR DELETE OR UPDATE OF ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""ReportedAt"", ""ClosedAt"", ""DueAt""
ON ""Hazards"" FOR EACH ROW EXECUTE FUNCTION ""Hazards_KeepTallies""();");

            // Backfill: the hazards already stored.
            migrationBuilder.Sql(@"INSERT INTO ""HazardTallies"" (""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""Count"")
SELECT ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", COUNT(*) FROM ""Hazards"" GROUP BY ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"";");

            migrationBuilder.Sql(@"INSERT INTO ""HazardMonthTallies"" (""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", ""Reported"", ""Closed"")
SELECT ""DistrictCode"", ""ResponsibleUnitCode"", ""Month"", SUM(""Reported""), SUM(""Closed"") FROM (
  SELECT ""DistrictCode"", ""ResponsibleUnitCode"", (EXTRACT(YEAR FROM (to_timestamp(((""ReportedAt"" >> 11) / 10000 - (CASE WHEN (""ReportedAt"" & 2047) >= 1024 THEN (""ReportedAt"" & 2047) - 2048 ELSE (""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800)) AT TIME ZONE 'UTC'))::integer * 12 + EXTRACT(MONTH FROM (to_timestamp(((""ReportedAt"" >> 11) / 10000 - (CASE WHEN (""ReportedAt"" & 2047) >= 1024 THEN (""ReportedAt"" & 2047) - 2048 ELSE (""ReportedAt"" & 2047) END) * 60 - 62135596800 + 28800)) AT TIME ZONE 'UTC'))::integer - 1) AS ""Month"", 1 AS ""Reported"", 0 AS ""Closed"" FROM ""Hazards""
  UNION ALL
  SELECT ""DistrictCode"", ""ResponsibleUnitCode"", (EXTRACT(YEAR FROM (to_timestamp(((""ClosedAt"" >> 11) / 10000 - (CASE WHEN (""ClosedAt"" & 2047) >= 1024 THEN (""ClosedAt"" & 2047) - 2048 ELSE (""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800)) AT TIME ZONE 'UTC'))::integer * 12 + EXTRACT(MONTH FROM (to_timestamp(((""ClosedAt"" >> 11) / 10000 - (CASE WHEN (""ClosedAt"" & 2047) >= 1024 THEN (""ClosedAt"" & 2047) - 2048 ELSE (""ClosedAt"" & 2047) END) * 60 - 62135596800 + 28800)) AT TIME ZONE 'UTC'))::integer - 1), 0, 1 FROM ""Hazards"" WHERE ""ClosedAt"" IS NOT NULL) AS ""Dates""
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

            migrationBuilder.Sql(@"DROP TRIGGER ""TR_Hazards_Tallies"" ON ""Hazards"";");
            migrationBuilder.Sql(@"DROP FUNCTION ""Hazards_KeepTallies""();");
            migrationBuilder.Sql(@"DROP FUNCTION ""Hazards_Tally""(""Hazards"", integer, boolean, boolean, boolean, boolean);");
            migrationBuilder.Sql(@"DROP FUNCTION ""Hazards_CityMonth""(bigint);");

            migrationBuilder.DropTable(
                name: "HazardDueTallies");

            migrationBuilder.DropTable(
                name: "HazardMonthTallies");

            migrationBuilder.DropTable(
                name: "HazardTallies");

            migrationBuilder.DropIndex(
                name: "IX_Hazards_DueAt_State_AreaCode_DistrictCode_ResponsibleUnitCo~",
                table: "Hazards");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DueAt_State",
                table: "Hazards",
                columns: new[] { "DueAt", "State" });
        }
    }
}
