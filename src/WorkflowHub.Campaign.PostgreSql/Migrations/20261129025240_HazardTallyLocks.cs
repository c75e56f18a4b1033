using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowHub.Campaign.PostgreSql.Migrations
{
    /// <summary>
    /// The tally triggers of two transactions moving hazards of one district and unit in opposite directions (a
    /// rectification submitted while another is sent back) lock the same tally rows in opposite orders and deadlock.
    /// Before a hazard row changes, this trigger takes a transaction lock per (district, unit) the change touches, in
    /// one order, so such transactions queue instead. Every tally key holds the district and the unit.
    /// </summary>
    public partial class HazardTallyLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"CREATE FUNCTION ""Hazards_LockTallies""() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_unit integer;
  new_unit integer;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_unit := hashtext(OLD.""DistrictCode"" || '/' || OLD.""ResponsibleUnitCode"");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_unit := hashtext(NEW.""DistrictCode"" || '/' || NEW.""ResponsibleUnitCode"");
  END IF;
  -- 1213 names this lock family; LEAST/GREATEST ignore a NULL, so one lock is taken on insert and delete.
  PERFORM pg_advisory_xact_lock(1213, LEAST(old_unit, new_unit));
  IF old_unit <> new_unit THEN
    PERFORM pg_advisory_xact_lock(1213, GREATEST(old_unit, new_unit));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;");

            migrationBuilder.Sql(@"CREATE TRIGGER ""TR_Hazards_TallyLocks"" BEFORE INSERT OR DELETE OR UPDATE OF ""AreaCode"", ""DistrictCode"", ""ResponsibleUnitCode"", ""State"", ""Grade"", ""ReportedAt"", ""ClosedAt"", ""DueAt""
ON ""Hazards"" FOR EACH ROW EXECUTE FUNCTION ""Hazards_LockTallies""();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER ""TR_Hazards_TallyLocks"" ON ""Hazards"";");
            migrationBuilder.Sql(@"DROP FUNCTION ""Hazards_LockTallies""();");
        }
    }
}
