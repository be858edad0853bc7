using System;
using BenchmarkDotNet.Attributes;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Benchmarks;

/// <summary>Decoding request frames the kernel sends most: header, argument, names and data located and validated.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class DecodeBenchmarks
{
    private readonly FuseProtocol _protocol = FuseProtocol.Latest;
    private byte[] _lookup = [];
    private byte[] _getattr = [];
    private byte[] _read = [];
    private byte[] _write = [];

    /// <summary>Builds the frames.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _lookup = Frames.Lookup();
        _getattr = Frames.Getattr();
        _read = Frames.Read();
        _write = Frames.Write();
        if (TryParseLookup() != "benchmark-file.txt".Length || DecodeWrite() != 4096 + Frames.WriteDataSize)
        {
            throw new InvalidOperationException("The benchmark requests must be valid, or the error path is measured instead.");
        }
    }

    /// <summary>LOOKUP: header plus the NUL-terminated entry name (checked for NUL, length and '/').</summary>
    /// <returns>The name's length plus the node id.</returns>
    [Benchmark]
    public int DecodeLookup()
    {
        FuseRequest request = FuseRequest.Parse(_lookup, _protocol);
        return request.Name.Length + (int)request.NodeId;
    }

    /// <summary>GETATTR: header plus <c>fuse_getattr_in</c>.</summary>
    /// <returns>The handle plus the node id.</returns>
    [Benchmark]
    public ulong DecodeGetattr()
    {
        FuseRequest request = FuseRequest.Parse(_getattr, _protocol);
        return request.GetArgument<FuseGetattrIn>().Fh + request.NodeId;
    }

    /// <summary>READ: header plus <c>fuse_read_in</c>, read as a struct.</summary>
    /// <returns>The offset plus the size asked for.</returns>
    [Benchmark]
    public ulong DecodeRead()
    {
        FuseRequest request = FuseRequest.Parse(_read, _protocol);
        FuseReadIn read = request.GetArgument<FuseReadIn>();
        return read.Offset + read.Size;
    }

    /// <summary>WRITE: header plus <c>fuse_write_in</c> plus 4 KiB of data, its length checked against the argument's size.</summary>
    /// <returns>The offset plus the data's length.</returns>
    [Benchmark]
    public ulong DecodeWrite()
    {
        FuseRequest request = FuseRequest.Parse(_write, _protocol);
        FuseWriteIn write = request.GetArgument<FuseWriteIn>();
        return write.Offset + (ulong)request.Data.Length;
    }

    /// <summary>LOOKUP through the non-throwing tier.</summary>
    /// <returns>The name's length, or the rule broken.</returns>
    [Benchmark]
    public int TryParseLookup() =>
        FuseRequest.TryParse(_lookup, _protocol, out FuseRequest request, out FuseProtocolError error) ? request.Name.Length : -(int)error.Rule;
}
