namespace EcoEnforce.Web.Tests.Authorization;

/// <summary>The expected answer of every GET route to every caller, read from AccessMatrix.txt. Answers:
/// 200, 400, 401, 403, 404 as such; <c>login</c> and <c>denied</c> for a redirect to the login or access-denied page;
/// 302 for any other redirect.</summary>
public sealed class AccessMatrix
{
    public const string Anonymous = "anonymous";
    public static readonly string[] Callers = [Anonymous, .. Accounts.Roles.All];

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Rows { get; }

    private AccessMatrix(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> rows) => Rows = rows;

    public static AccessMatrix Load()
    {
        var rows = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        string[]? header = null;
        foreach (var (line, number) in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Authorization", "AccessMatrix.txt")).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (header is null)
            {
                header = cells;
                Assert.Equal(["route", .. Callers], header);
                continue;
            }
            Assert.True(cells.Length == header.Length, $"AccessMatrix.txt line {number}: {cells.Length} cells, expected {header.Length}");
            Assert.True(rows.TryAdd(cells[0], header.Skip(1).Zip(cells.Skip(1)).ToDictionary(p => p.First, p => p.Second)),
                $"AccessMatrix.txt line {number}: {cells[0]} is listed twice");
        }
        return new AccessMatrix(rows);
    }

    public static string Answer(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is 301 or 302 or 303 or 307)
        {
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
            if (location.StartsWith("/Account/Login", StringComparison.Ordinal)) return "login";
            if (location.StartsWith("/Account/AccessDenied", StringComparison.Ordinal)) return "denied";
            return "302";
        }
        return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A row in the file's layout, for pasting when a route is new.</summary>
    public static string Format(string route, IReadOnlyDictionary<string, string> answers) =>
        string.Join(" ", [route.PadRight(58), .. Callers.Select(c => answers[c].PadRight(c.Length))]).TrimEnd();
}
