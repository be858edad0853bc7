using System.Runtime.Versioning;
using Xunit;

// The tests share kernel mounts and time-sensitive caches: run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// FUSE is Linux only.
[assembly: SupportedOSPlatform("linux")]
