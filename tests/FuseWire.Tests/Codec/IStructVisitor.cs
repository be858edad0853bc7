namespace FuseWire.Tests.Codec;

/// <summary>Receives the struct type an opcode's argument has, so generic checks can run for a runtime opcode.</summary>
internal interface IStructVisitor
{
    /// <summary>Called with the argument struct type.</summary>
    /// <typeparam name="T">The struct.</typeparam>
    void Visit<T>()
        where T : unmanaged;
}
