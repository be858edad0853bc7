using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Threading;
using FuseWire;
using FuseWire.Abi;

namespace BenchFs;

/// <summary>Cumulative counters for <c>BENCHFS-STATS</c> (spec §7): interlocked increments only, no locks on the hot path.</summary>
internal sealed class BenchStats
{
    private const int OpcodeSlots = 64; // every FUSE opcode but CUSE_INIT is below 64; slot 0 collects the rest

    private readonly long[] _ops = new long[OpcodeSlots];
    private long _readBytes;
    private long _writeBytes;
    private long _readMax;
    private long _writeMax;
    private long _forgetItems;

    /// <summary>Counts one request frame read from the kernel (the session's frame observer).</summary>
    public void CountFrame(ReadOnlySpan<byte> frame)
    {
        uint opcode = BinaryPrimitives.ReadUInt32LittleEndian(frame.Slice(4, 4));
        _ = Interlocked.Increment(ref _ops[opcode < OpcodeSlots ? opcode : 0]);
    }

    public void CountRead(uint requested, int returned)
    {
        _ = Interlocked.Add(ref _readBytes, returned);
        RaiseMax(ref _readMax, requested);
    }

    public void CountWrite(int received)
    {
        _ = Interlocked.Add(ref _writeBytes, received);
        RaiseMax(ref _writeMax, received);
    }

    public void CountForget() => Interlocked.Increment(ref _forgetItems);

    /// <summary>The <c>BENCHFS-STATS</c> JSON object (allocates; called from the signal handler, never per request).</summary>
    public string ToJson()
    {
        StringBuilder json = new("{\"ops\":{");
        bool first = true;
        for (int slot = 0; slot < OpcodeSlots; slot++)
        {
            long count = Interlocked.Read(ref _ops[slot]);
            if (count == 0)
            {
                continue;
            }

            string name = slot == 0 ? "OTHER" : FuseNames.OpcodeName((FuseOpcode)slot);
            json.Append(first ? "\"" : ",\"").Append(name).Append("\":").Append(count.ToString(CultureInfo.InvariantCulture));
            first = false;
        }

        json.Append('}');
        Field(json, "read_bytes", Interlocked.Read(ref _readBytes));
        Field(json, "write_bytes", Interlocked.Read(ref _writeBytes));
        Field(json, "read_max", Interlocked.Read(ref _readMax));
        Field(json, "write_max", Interlocked.Read(ref _writeMax));
        Field(json, "forget_items", Interlocked.Read(ref _forgetItems));
        return json.Append('}').ToString();
    }

    private static void Field(StringBuilder json, string name, long value) =>
        json.Append(",\"").Append(name).Append("\":").Append(value.ToString(CultureInfo.InvariantCulture));

    private static void RaiseMax(ref long max, long value)
    {
        long current = Volatile.Read(ref max);
        while (value > current)
        {
            long seen = Interlocked.CompareExchange(ref max, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
