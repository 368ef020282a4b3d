using EcoEnforce.Cli;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary>Runs CLI commands with the console captured. <see cref="Console.Out"/> is one per process and test classes
/// run in parallel, so captures take turns instead of reading each other's lines.</summary>
internal static class ConsoleCapture
{
    private static readonly SemaphoreSlim Turn = new(1, 1);

    public static async Task<(int Exit, string Out, string Error)> RunAsync(Func<Task<int>> run)
    {
        await Turn.WaitAsync(TestContext.Current.CancellationToken);
        var (output, error) = (new StringWriter(), new StringWriter());
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await run(), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            Turn.Release();
        }
    }

    /// <summary>A command with an empty configuration: it must need neither the data directory nor a database.</summary>
    public static Task<(int Exit, string Out, string Error)> CliAsync(params string[] args) =>
        RunAsync(() => CliProgram.RunAsync(args, new Dictionary<string, string?>()));
}
