using System;
using System.Threading.Tasks;

namespace FuseWire.Tests.Transports;

/// <summary>Bounded waits on tasks that run blocking transport calls on their own threads (the calls under test block by design).</summary>
internal static class Waits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static bool For(Task task, TimeSpan timeout) => task.Wait(timeout);

    public static bool For(Task task) => task.Wait(Timeout);

    public static bool ForAll(Task[] tasks) => Task.WaitAll(tasks, Timeout);

    public static T Result<T>(Task<T> task) => task.Result;
}
