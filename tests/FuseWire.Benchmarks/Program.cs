using BenchmarkDotNet.Running;

namespace FuseWire.Benchmarks;

/// <summary>Entry point: runs the benchmarks chosen on the command line (e.g. <c>--filter '*' --job short</c>).</summary>
public static class Program
{
    /// <summary>Runs BenchmarkDotNet's switcher over this assembly.</summary>
    /// <param name="args">BenchmarkDotNet command-line arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
