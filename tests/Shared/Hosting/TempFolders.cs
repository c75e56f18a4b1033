using Microsoft.Data.Sqlite;

namespace WorkflowHub.Testing.Hosting;

/// <summary>The temp folders the tests put databases in, and their removal once the servers on them stopped.</summary>
public static class TempFolders
{
    public static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflowhub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// A file the stopped server wrote last (the SQLite journal on its last close, statistics, a backup) may still be
    /// closing, so a recursive delete can find the folder refilled: retry briefly.
    /// </summary>
    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }
}
