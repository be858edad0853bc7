using System;
using System.IO;
using FuseWire.Abi;
using FuseWire.Buffers;
using FuseWire.Codec;
using FuseWire.Protocol;
using Xunit;

namespace FuseWire.Tests.Buffers;

public sealed class FuseFrameBufferTests
{
    [Fact]
    public void Puts_at_the_cursor_advance_it_and_gets_read_them_back()
    {
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(pool: pool);

        buffer.Write([1, 2, 3]);
        buffer.Write([4, 5]);
        Assert.Equal(5, buffer.Position);
        Assert.Equal(5, buffer.Length);
        Assert.Equal(0, buffer.Remaining);

        buffer.Seek(1);
        Span<byte> three = stackalloc byte[3];
        buffer.Read(three);
        Assert.Equal([2, 3, 4], three.ToArray());
        Assert.Equal(4, buffer.Position);
        Assert.Equal(1, buffer.Remaining);
    }

    [Fact]
    public void Puts_and_gets_at_an_offset_leave_the_cursor_where_it_was()
    {
        using FuseFrameBuffer buffer = new(pool: new TrackingArrayPool());
        buffer.Write([9, 9]);

        buffer.WriteAt(10, [7, 8]);
        Assert.Equal(2, buffer.Position);
        Assert.Equal(12, buffer.Length);

        byte[] back = new byte[2];
        buffer.ReadAt(10, back);
        Assert.Equal([7, 8], back);
        Assert.Equal(2, buffer.Position);
    }

    [Fact]
    public void Bytes_skipped_by_a_put_past_the_end_are_zero_not_pooled_memory()
    {
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(pool: pool);
        buffer.Write([1]);
        buffer.WriteAt(100, [2]);

        Assert.Equal(101, buffer.Length);
        Assert.True(buffer.WrittenSpan[1..100].IndexOfAnyExcept((byte)0) < 0, "stale pool bytes showed through a gap");
        Assert.Equal(2, buffer.WrittenSpan[100]);
    }

    [Fact]
    public void A_seek_past_the_end_keeps_the_length_and_the_next_put_zeroes_the_gap()
    {
        using FuseFrameBuffer buffer = new(pool: new TrackingArrayPool());
        buffer.Write([1, 2]);
        buffer.Seek(50);

        Assert.Equal(2, buffer.Length);
        Assert.Equal(0, buffer.Remaining);
        Assert.True(buffer.Capacity >= 50);

        buffer.Write([3]);
        Assert.Equal(51, buffer.Length);
        Assert.True(buffer.WrittenSpan[2..50].IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public void Structs_go_in_and_come_out_in_host_order()
    {
        using FuseFrameBuffer buffer = new(pool: new TrackingArrayPool());
        FuseInHeader header = new() { Len = 40, Opcode = FuseOpcode.Getattr, Unique = 77, NodeId = 1, Uid = 5, Gid = 6, Pid = 7 };
        buffer.WriteValue(header);
        buffer.WriteValueAt(FuseInHeader.StructSize, new FuseGetattrIn { Fh = 0x1122 });

        Assert.Equal(FuseInHeader.StructSize + FuseGetattrIn.StructSize, buffer.Length);
        Assert.Equal(FuseInHeader.StructSize, buffer.Position);
        Assert.Equal(0x1122ul, buffer.ReadValue<FuseGetattrIn>().Fh);
        Assert.Equal(77ul, buffer.ReadValueAt<FuseInHeader>(0).Unique);
        Assert.Equal(FuseOpcode.Getattr, buffer.ReadValueAt<FuseInHeader>(0).Opcode);
    }

    [Fact]
    public void A_get_past_the_written_bytes_fails_and_the_cursor_stays()
    {
        using FuseFrameBuffer buffer = new(pool: new TrackingArrayPool());
        buffer.Write(new byte[10]);
        buffer.Seek(8);

        Assert.False(buffer.TryRead(new byte[3]));
        Assert.Equal(8, buffer.Position);
        Assert.Throws<EndOfStreamException>(() => buffer.Read(new byte[3]));
        Assert.Equal(8, buffer.Position);
        Assert.False(buffer.TryReadValue(out FuseOutHeader _));
        Assert.Throws<EndOfStreamException>(() => buffer.ReadValue<FuseOutHeader>());
        Assert.Throws<EndOfStreamException>(() => buffer.ReadAt(9, new byte[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.ReadAt(-1, new byte[1]));
        Assert.True(buffer.TryRead(new byte[2]));
        Assert.Equal(10, buffer.Position);
    }

    [Fact]
    public void A_window_maps_the_frame_directly_and_extends_it_with_zeros()
    {
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(pool: pool);
        buffer.Write([1, 2, 3, 4]);

        Span<byte> window = buffer.GetWindow(2, 6);
        Assert.Equal(6, window.Length);
        Assert.Equal([3, 4, 0, 0, 0, 0], window.ToArray());
        Assert.Equal(8, buffer.Length);
        Assert.Equal(4, buffer.Position);

        window[0] = 42;
        Assert.Equal(42, buffer.WrittenSpan[2]);
    }

    [Fact]
    public void Every_growth_past_the_maximum_fails_before_anything_is_rented()
    {
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(maxLength: 100, pool: pool);

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Reserve(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Seek(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.WriteAt(99, [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Write(new byte[101]));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetWindow(50, 51));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetSpan(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Reserve(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.WriteAt(int.MaxValue, [1]));
        Assert.Empty(pool.Rents);
        Assert.Equal(0, buffer.Length);

        buffer.Seek(100);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Reserve(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetSpan());
        Assert.All(pool.Rents, size => Assert.True(size <= 100));
    }

    [Fact]
    public void Growth_keeps_the_frame_and_never_rents_more_than_the_maximum()
    {
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(maxLength: 5000, pool: pool);
        for (int i = 0; i < 5000; i++)
        {
            buffer.Write([(byte)i]);
        }

        for (int i = 0; i < 5000; i++)
        {
            Assert.Equal((byte)i, buffer.WrittenSpan[i]);
        }

        Assert.All(pool.Rents, size => Assert.True(size <= 5000));
        Assert.Equal(5000, buffer.Capacity);
        Assert.Equal(1, pool.Outstanding);
    }

    [Fact]
    public void The_buffers_own_bytes_can_be_put_again_while_it_grows()
    {
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(pool: pool);
        byte[] first = new byte[256];
        new Random(3).NextBytes(first);
        buffer.Write(first);
        Assert.Equal(256, buffer.Capacity);

        buffer.Write(buffer.WrittenSpan);

        Assert.Equal(512, buffer.Length);
        Assert.True(buffer.WrittenSpan[..256].SequenceEqual(first));
        Assert.True(buffer.WrittenSpan[256..].SequenceEqual(first), "the copy read memory already given back to the pool");
    }

    [Fact]
    public void Recycle_forgets_the_frame_but_keeps_the_memory()
    {
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(pool: pool);
        buffer.Write(new byte[300]);
        int capacity = buffer.Capacity;
        int rents = pool.Rents.Count;

        buffer.Recycle();

        Assert.Equal(0, buffer.Length);
        Assert.Equal(0, buffer.Position);
        Assert.Equal(capacity, buffer.Capacity);
        buffer.Write(new byte[300]);
        Assert.Equal(rents, pool.Rents.Count);
    }

    [Fact]
    public void Dispose_returns_everything_to_the_pool_and_ends_the_buffer()
    {
        TrackingArrayPool pool = new();
        FuseFrameBuffer buffer = new(initialCapacity: 64, pool: pool);
        buffer.Write(new byte[10_000]);
        Assert.True(pool.Rents.Count >= 2);

        buffer.Dispose();
        buffer.Dispose();

        Assert.Equal(0, pool.Outstanding);
        Assert.Throws<ObjectDisposedException>(() => buffer.Write([1]));
        Assert.Throws<ObjectDisposedException>(() => buffer.Recycle());
        Assert.Throws<ObjectDisposedException>(() => buffer.TryRead([]));
    }

    [Fact]
    public void The_codec_writes_a_request_straight_into_the_buffer_at_its_cursor()
    {
        using FuseFrameBuffer buffer = new(pool: new TrackingArrayPool());
        FuseInHeader header = new() { Opcode = FuseOpcode.Lookup, Unique = 9, NodeId = 1 };
        int written = FuseRequestWriter.WriteLookup(buffer, header, "name"u8);

        Assert.Equal(written, buffer.Length);
        Assert.Equal(written, buffer.Position);
        FuseRequest request = FuseRequest.Parse(buffer.WrittenSpan, FuseProtocol.Latest);
        Assert.Equal(FuseOpcode.Lookup, request.Opcode);
        Assert.True(request.Name.SequenceEqual("name"u8));
    }

    [Fact]
    public void Advance_commits_no_more_than_was_handed_out()
    {
        using FuseFrameBuffer buffer = new(maxLength: 64, pool: new TrackingArrayPool());
        Span<byte> span = buffer.GetSpan(10);
        span[..3].Fill(7);
        buffer.Advance(3);

        Assert.Equal(3, buffer.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(62));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
    }
}
