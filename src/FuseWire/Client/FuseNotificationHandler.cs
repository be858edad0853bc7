using FuseWire.Codec;

namespace FuseWire.Client;

/// <summary>Receives a notification (a frame with unique 0) the daemon sent, already validated, on the client's reader thread.</summary>
/// <param name="notification">The notification; a view valid only during the call.</param>
public delegate void FuseNotificationHandler(FuseNotification notification);
