using System;
using System.Globalization;
using System.Text;
using FuseWire.Abi;
using FuseWire.Protocol;

namespace BenchFs;

/// <summary>Formats the <c>BENCHFS-INIT</c> line (spec §7).</summary>
internal static class BenchReport
{
    public static string InitJson(in FuseInitIn kernel, in FuseInitOut reply, bool single, int threads, int spinMicroseconds)
    {
        FuseInitFlags accepted = FuseProtocol.FlagsOf(reply) & FuseProtocol.FlagsOf(kernel);
        StringBuilder json = new("{");
        Str(json, "impl", "fusewire-benchfs");
        Str(json, "lib", "FuseWire " + typeof(FuseProtocol).Assembly.GetName().Version);
        Str(json, "api", "FuseFileSystem/FuseSession");
        Str(json, "mode", single ? "single" : "mt");
        Num(json, "threads", threads);
        Num(json, "spin_us", spinMicroseconds);
        Str(json, "kernel_proto", $"{kernel.Major}.{kernel.Minor}");
        Str(json, "reply_proto", $"{reply.Major}.{reply.Minor}");
        Num(json, "max_write", reply.MaxWrite);
        Num(json, "max_pages", reply.MaxPages);
        Num(json, "max_readahead", reply.MaxReadahead);
        Num(json, "max_background", reply.MaxBackground);
        Num(json, "congestion_threshold", reply.CongestionThreshold);
        Num(json, "time_gran", reply.TimeGran);
        json.Append("\"reply_flags\":[");
        bool first = true;
        for (int bit = 0; bit < 64; bit++)
        {
            FuseInitFlags flag = (FuseInitFlags)(1UL << bit);
            if ((accepted & flag) == 0)
            {
                continue;
            }

            json.Append(first ? "\"" : ",\"").Append(FlagName(flag, bit)).Append('"');
            first = false;
        }

        json.Append("],");
        json.Append("\"splice\":false,\"readdirplus\":\"always\",");
        Num(json, "pid", Environment.ProcessId);
        json.Append("\"stats\":\"SIGUSR1\"}");
        return json.ToString();
    }

    /// <summary>fuse.h's name without FUSE_: AsyncRead → ASYNC_READ.</summary>
    private static string FlagName(FuseInitFlags flag, int bit)
    {
        string? name = Enum.GetName(flag);
        if (name is null)
        {
            return "BIT" + bit.ToString(CultureInfo.InvariantCulture);
        }

        StringBuilder snake = new();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToUpperInvariant(c));
        }

        return snake.ToString();
    }

    private static void Str(StringBuilder json, string name, string value) =>
        json.Append('"').Append(name).Append("\":\"").Append(value).Append("\",");

    private static void Num(StringBuilder json, string name, long value) =>
        json.Append('"').Append(name).Append("\":").Append(value.ToString(CultureInfo.InvariantCulture)).Append(',');
}
