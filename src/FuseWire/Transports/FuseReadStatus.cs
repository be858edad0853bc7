using System;
namespace FuseWire.Transports;

/// <summary>The result of one read from a /dev/fuse descriptor.</summary>
public enum FuseReadStatus
{
    /// <summary>One whole request frame was read.</summary>
    Frame,

    /// <summary>The read was interrupted (EINTR). <see cref="FuseDevice.Read"/> retries EINTR itself, so this is rarely surfaced.</summary>
    Interrupted,

    /// <summary>ENOENT: the kernel aborted the request while handing it over; skip it and read again.</summary>
    Aborted,

    /// <summary>ENODEV (or ECONNABORTED, or the device was disposed): the filesystem is unmounted or the connection aborted; end the loop.</summary>
    Unmounted,
}
