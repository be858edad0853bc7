using System;
using System.IO;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuseWire.Buffers;
using Xunit;

namespace FuseWire.Tests.Buffers;

/// <summary>
/// Any sequence of puts, gets, seeks, reservations, windows and recycles on a <see cref="FuseFrameBuffer"/> behaves as a plain
/// byte-array model: gets return exactly what was put (zeros in gaps, never the pool's stale bytes), nothing is read past the
/// written bytes, and an operation that would pass the maximum fails before anything is rented and changes nothing.
/// </summary>
public sealed class FuseFrameBufferProperties
{
    public static Arbitrary<(int MaxLength, FrameBufferOp[] Ops)> Scripts() => Arb.From(
        from max in Gen.Frequency((3, Gen.Choose(1, 600)), (1, Gen.Choose(601, 70_000)))
        from count in Gen.Choose(0, 60)
        from ops in Gen.ArrayOf(Op(max), count)
        select (max, ops));

    [Property(Arbitrary = new[] { typeof(FuseFrameBufferProperties) }, MaxTest = 600, Replay = "(1414213562,1732050807)")]
    public void Any_script_matches_the_model_and_never_passes_the_maximum((int MaxLength, FrameBufferOp[] Ops) script)
    {
        int max = script.MaxLength;
        TrackingArrayPool pool = new();
        FuseFrameBuffer buffer = new(max, pool: pool);
        Model model = new(max);
        foreach (FrameBufferOp op in script.Ops)
        {
            int rents = pool.Rents.Count;
            bool failed = Apply(buffer, model, op);
            if (failed)
            {
                Assert.Equal(rents, pool.Rents.Count);
            }

            Assert.Equal(model.Length, buffer.Length);
            Assert.Equal(model.Position, buffer.Position);
            Assert.Equal(Math.Max(0, model.Length - model.Position), buffer.Remaining);
            Assert.True(buffer.WrittenSpan.SequenceEqual(model.Bytes.AsSpan(0, model.Length)), $"the frame differs from the model after {op}");
            Assert.InRange(buffer.Capacity, 0, max);
            Assert.All(pool.Rents, size => Assert.InRange(size, 1, max));
            Assert.InRange(pool.Outstanding, 0, 1);
        }

        buffer.Dispose();
        Assert.Equal(0, pool.Outstanding);
    }

    private static Gen<FrameBufferOp> Op(int max) =>
        from kind in Gen.Choose(0, FrameBufferOp.KindCount - 1)
        from offset in Number(max)
        from count in Number(max)
        from fill in Gen.Choose(1, 255)
        select new FrameBufferOp(kind, offset, count, (byte)fill);

    private static Gen<int> Number(int max) => Gen.Frequency(
        (5, Gen.Choose(0, Math.Min(max, 400))),
        (2, Gen.Choose(Math.Max(0, max - 8), max + 8)),
        (1, Gen.Elements(-1, int.MaxValue, int.MinValue)));

    /// <summary>Applies one operation to the buffer and the model; returns whether it failed (as the model says it must).</summary>
    private static bool Apply(FuseFrameBuffer buffer, Model model, FrameBufferOp op)
    {
        int max = model.Bytes.Length;
        int size = Math.Clamp(op.Count, 0, max + 8);
        byte[] data = new byte[size];
        data.AsSpan().Fill(op.Fill);
        switch (op.Kind)
        {
            case FrameBufferOp.Write:
                if ((long)model.Position + size > max)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Write(data));
                    return true;
                }

                buffer.Write(data);
                model.Put(model.Position, data);
                model.Position += size;
                return false;
            case FrameBufferOp.WriteAt:
                if (op.Offset < 0 || (long)op.Offset + size > max)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => buffer.WriteAt(op.Offset, data));
                    return true;
                }

                buffer.WriteAt(op.Offset, data);
                model.Put(op.Offset, data);
                return false;
            case FrameBufferOp.Read:
                if ((long)model.Position + size > model.Length)
                {
                    Assert.False(buffer.TryRead(data));
                    Assert.Throws<EndOfStreamException>(() => buffer.Read(data));
                    return true;
                }

                buffer.Read(data);
                Assert.True(data.AsSpan().SequenceEqual(model.Bytes.AsSpan(model.Position, size)));
                model.Position += size;
                return false;
            case FrameBufferOp.ReadAt:
                if (op.Offset < 0)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => buffer.ReadAt(op.Offset, data));
                    return true;
                }

                if ((long)op.Offset + size > model.Length)
                {
                    Assert.Throws<EndOfStreamException>(() => buffer.ReadAt(op.Offset, data));
                    return true;
                }

                buffer.ReadAt(op.Offset, data);
                Assert.True(data.AsSpan().SequenceEqual(model.Bytes.AsSpan(op.Offset, size)));
                return false;
            case FrameBufferOp.Seek:
                if (op.Offset < 0 || op.Offset > max)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Seek(op.Offset));
                    return true;
                }

                buffer.Seek(op.Offset);
                Assert.True(buffer.Capacity >= op.Offset);
                model.Position = op.Offset;
                return false;
            case FrameBufferOp.Reserve:
                if (op.Count < 0 || (long)model.Position + op.Count > max)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Reserve(op.Count));
                    return true;
                }

                buffer.Reserve(op.Count);
                Assert.True(buffer.Capacity >= model.Position + op.Count);
                return false;
            case FrameBufferOp.Window:
                if (op.Offset < 0 || op.Count < 0 || (long)op.Offset + op.Count > max)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetWindow(op.Offset, op.Count));
                    return true;
                }

                Span<byte> window = buffer.GetWindow(op.Offset, op.Count);
                Assert.True(window.SequenceEqual(model.Bytes.AsSpan(op.Offset, op.Count)), "a window shows other bytes than the model");
                window.Fill(op.Fill);
                model.Put(op.Offset, data.AsSpan(0, op.Count));
                return false;
            case FrameBufferOp.Recycle:
                buffer.Recycle();
                model.Clear();
                return false;
            default:
                if ((long)model.Position + Math.Max(size, 1) > max)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetSpan(size));
                    return true;
                }

                Span<byte> span = buffer.GetSpan(size);
                Assert.True(span.Length >= Math.Max(size, 1));
                span[..size].Fill(op.Fill);
                buffer.Advance(size);
                model.Put(model.Position, data);
                model.Position += size;
                return false;
        }
    }

    /// <summary>The frame as a plain array: bytes past <see cref="Length"/> are always zero.</summary>
    private sealed class Model(int max)
    {
        public byte[] Bytes { get; } = new byte[max];

        public int Length { get; private set; }

        public int Position { get; set; }

        public void Put(int offset, ReadOnlySpan<byte> data)
        {
            data.CopyTo(Bytes.AsSpan(offset));
            Length = Math.Max(Length, offset + data.Length);
        }

        public void Clear()
        {
            Array.Clear(Bytes);
            Length = 0;
            Position = 0;
        }
    }
}
