namespace FuseWire.Tests.Buffers;

/// <summary>One step of a frame-buffer script: which operation, with which offset, count and fill byte.</summary>
public readonly record struct FrameBufferOp(int Kind, int Offset, int Count, byte Fill)
{
    public const int Write = 0;
    public const int WriteAt = 1;
    public const int Read = 2;
    public const int ReadAt = 3;
    public const int Seek = 4;
    public const int Reserve = 5;
    public const int Window = 6;
    public const int Recycle = 7;
    public const int SpanAdvance = 8;
    public const int KindCount = 9;

    private static readonly string[] Names = ["Write", "WriteAt", "Read", "ReadAt", "Seek", "Reserve", "Window", "Recycle", "SpanAdvance"];

    public override string ToString() => $"{Names[Kind]}(offset={Offset}, count={Count})";
}
