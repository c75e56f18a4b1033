using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WorkflowHub.Engine.EntityFrameworkCore.PostgreSql.Design;

/// <summary>
/// Lets `dotnet ef migrations add --project src/WorkflowHub.Engine.EntityFrameworkCore.PostgreSql --startup-project
/// src/WorkflowHub.Engine.EntityFrameworkCore.PostgreSql` build the PostgreSQL model. No server is contacted.
/// </summary>
internal sealed class EngineDesignTimeDbContextFactory : IDesignTimeDbContextFactory<EngineDbContext>
{
    public EngineDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        new PostgreSqlEngineDatabaseProvider("Host=127.0.0.1;Database=workflowhub_design").Configure(builder);
        return new EngineDbContext(builder.Options);
    }
}
