using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WorkflowHub.Engine.EntityFrameworkCore.Providers;

namespace WorkflowHub.Engine.EntityFrameworkCore.Design;

/// <summary>Lets `dotnet ef migrations add` build the context without a host. The file is never opened by that command.</summary>
internal sealed class EngineDesignTimeDbContextFactory : IDesignTimeDbContextFactory<EngineDbContext>
{
    public EngineDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        new SqliteEngineDatabaseProvider("Data Source=engine-design.db").Configure(builder);
        return new EngineDbContext(builder.Options);
    }
}
