using System.Net;
using System.Net.Sockets;
using EcoEnforce.Data;

namespace EcoEnforce.Web.Tests.Receiver;

/// <summary>The app on real Kestrel with the HJ 212 receiver listening on a free loopback port.</summary>
public abstract class ReceiverApp : EcoEnforceApp
{
    private readonly int _port = FreePort();

    protected override int? ReceiverPort => _port;
    protected override bool OnRealKestrel => true;
    public IPEndPoint Endpoint => new(IPAddress.Loopback, _port);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteReceiverApp : ReceiverApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresReceiverApp : ReceiverApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
