using System;
namespace FuseWire.Transports;

/// <summary>How a <see cref="FuseMount"/> was (or is to be) mounted.</summary>
internal enum FuseMountMethod
{
    /// <summary>mount(2) as root, falling back to fusermount3 when not root or on EPERM.</summary>
    Automatic,

    /// <summary>mount(2) only.</summary>
    Syscall,

    /// <summary>fusermount3 only.</summary>
    Fusermount,
}
