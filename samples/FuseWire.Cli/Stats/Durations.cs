using System.Globalization;

namespace FuseWire.Cli.Stats;

/// <summary>Durations for people: <c>850ns</c>, <c>12.3us</c>, <c>4.56ms</c>, <c>1.23s</c> (three significant digits, invariant culture).</summary>
internal static class Durations
{
    /// <summary>Formats nanoseconds.</summary>
    /// <param name="nanoseconds">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(long nanoseconds)
    {
        if (nanoseconds < 1_000)
        {
            return nanoseconds.ToString(CultureInfo.InvariantCulture) + "ns";
        }

        (double value, string unit) = nanoseconds switch
        {
            < 1_000_000 => (nanoseconds / 1e3, "us"),
            < 1_000_000_000 => (nanoseconds / 1e6, "ms"),
            _ => (nanoseconds / 1e9, "s"),
        };
        string format = value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture) + unit;
    }
}
