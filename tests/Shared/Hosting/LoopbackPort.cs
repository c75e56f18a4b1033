using System.Net;
using System.Net.Sockets;

namespace WorkflowHub.Testing.Hosting;

public static class LoopbackPort
{
    /// <summary>A port of 127.0.0.1 nobody listens on now, for a server that must keep its address across restarts.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
