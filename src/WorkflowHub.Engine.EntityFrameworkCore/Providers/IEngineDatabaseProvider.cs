using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Jobs;

namespace WorkflowHub.Engine.EntityFrameworkCore.Providers;

/// <summary>What differs between databases: how a context is configured, and how jobs are locked.</summary>
public interface IEngineDatabaseProvider
{
    /// <summary>Configures a context that opens its own connections (pooled, from the connection string).</summary>
    void Configure(DbContextOptionsBuilder builder);

    /// <summary>Configures a context on a connection owned by someone else (the ambient <see cref="Transactions.EngineTransactionScope"/>).</summary>
    void Configure(DbContextOptionsBuilder builder, DbConnection connection);

    IJobAcquisitionStrategy JobAcquisition { get; }
}
